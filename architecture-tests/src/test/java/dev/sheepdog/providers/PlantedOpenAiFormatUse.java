package dev.sheepdog.providers;

import dev.sheepdog.wire.openai.OpenAiWire;

/** Planted violation: shared provider plumbing that knows OpenAI's chunk format. */
public class PlantedOpenAiFormatUse {
    Object format = OpenAiWire.CHUNK;
}
