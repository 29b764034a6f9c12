package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.Usage;
import java.util.Optional;

/** Reads OpenAI's {@code usage} object into the domain's usage, whatever odd counts a provider sends. */
final class UsageReader {

    private UsageReader() {
    }

    /** The token counts (missing ones are 0); empty when usage is null or absent. */
    static Optional<Usage> usage(JsonNode answer) {
        JsonNode usage = answer.path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        long prompt = count(usage.path("prompt_tokens"));
        long completion = count(usage.path("completion_tokens"));
        JsonNode promptDetails = usage.path("prompt_tokens_details");
        // Clamped, so that a provider's odd details can never make a usage the domain refuses.
        long cacheRead = Math.min(count(promptDetails.path("cached_tokens")), prompt);
        // OpenRouter reports prompt-cache writes (Anthropic's, Gemini's) beside the reads.
        long cacheWrite = Math.min(count(promptDetails.path("cache_write_tokens")), prompt - cacheRead);
        long reasoning = Math.min(count(usage.path("completion_tokens_details").path("reasoning_tokens")), completion);
        return Optional.of(new Usage(prompt, completion, cacheRead, cacheWrite, reasoning, false));
    }

    private static long count(JsonNode value) {
        return Math.max(0, value.asLong(0));
    }
}
