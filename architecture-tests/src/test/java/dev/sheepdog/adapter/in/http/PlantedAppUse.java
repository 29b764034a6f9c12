package dev.sheepdog.adapter.in.http;

import dev.sheepdog.app.Gateway;

/** Planted violation: an adapter reaching into the composition root. */
public class PlantedAppUse {
    Gateway gateway;
}
