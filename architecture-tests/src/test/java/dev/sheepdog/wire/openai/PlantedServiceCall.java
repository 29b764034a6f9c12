package dev.sheepdog.wire.openai;

import dev.sheepdog.domain.service.CompletionService;

/** Planted violation: a wire format that calls a domain service. */
public class PlantedServiceCall {
    CompletionService service;
}
