package dev.sheepdog.adapter.out.simulator;

import dagger.Module;

/** Planted violation: Dagger wiring outside the app. */
@Module
public class PlantedDaggerModule {
}
