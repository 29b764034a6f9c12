package dev.sheepdog.adapter.out.simulator;

import com.fasterxml.jackson.core.JsonGenerator;

/** Planted violation: the simulator writing OpenAI chunk JSON itself. */
public class PlantedChunkJson {
    JsonGenerator json;
}
