package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.PlantedCycleStart;

/** Planted violation: the other half of a package cycle (service -> model). */
public class PlantedCycleEnd {
    PlantedCycleStart start;
}
