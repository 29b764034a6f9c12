package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.service.CompletionService;

/** Planted violation: an adapter calling a domain service instead of its inbound port. */
public class PlantedServiceUse {
    CompletionService service;
}
