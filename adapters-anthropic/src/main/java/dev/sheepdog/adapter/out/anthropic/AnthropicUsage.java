package dev.sheepdog.adapter.out.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.Usage;

/**
 * The usage of one message as its stream reports it: {@code message_start} gives it first, and each
 * non-null field of a later {@code message_delta} replaces the earlier value ({@code output_tokens}
 * is cumulative, so values are never added). Not thread-safe.
 */
final class AnthropicUsage {

    private long input;
    private long cacheWrite;
    private long cacheRead;
    private long output;
    private long thinking;
    private boolean seen;

    /** Takes the fields a {@code usage} object carries; a missing or null field keeps its value. */
    void merge(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return;
        }
        seen = true;
        input = count(usage.get("input_tokens"), input);
        cacheWrite = count(usage.get("cache_creation_input_tokens"), cacheWrite);
        cacheRead = count(usage.get("cache_read_input_tokens"), cacheRead);
        output = count(usage.get("output_tokens"), output);
        thinking = count(usage.path("output_tokens_details").get("thinking_tokens"), thinking);
    }

    boolean seen() {
        return seen;
    }

    /**
     * In the gateway's meaning: the prompt counts every input token, cache reads and writes included
     * (Anthropic's {@code input_tokens} counts only the uncached ones).
     */
    Usage toUsage() {
        return new Usage(input + cacheWrite + cacheRead, output, cacheRead, cacheWrite, Math.min(thinking, output),
                false);
    }

    private static long count(JsonNode field, long previous) {
        return field != null && field.canConvertToLong() && field.asLong() >= 0 ? field.asLong() : previous;
    }
}
