package dev.sheepdog.adapter.out.simulator;

import io.javalin.http.Context;

/** Planted violation: the web framework outside the HTTP adapter. */
public class PlantedJavalinUse {
    Context context;
}
