package dev.sheepdog.domain.model;

import dev.sheepdog.domain.service.PlantedCycleEnd;

/** Planted violation: half of a package cycle (model -> service). */
public class PlantedCycleStart {
    PlantedCycleEnd end;
}
