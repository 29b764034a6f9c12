package dev.sheepdog.bench;

import dev.sheepdog.domain.model.Usage;

/** Planted violation: the benchmark reusing the gateway's own model. */
public class PlantedDomainUse {
    Usage usage;
}
