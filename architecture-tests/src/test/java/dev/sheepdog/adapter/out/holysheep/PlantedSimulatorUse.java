package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;

/** Planted violation: one adapter using another. */
public class PlantedSimulatorUse {
    SimulatedCompletionProvider simulator;
}
