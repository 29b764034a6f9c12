package dev.sheepdog.adapter.out.holysheep.sse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sheepdog.domain.model.Usage;
import java.util.Optional;

/** Reads the few fields the gateway needs from OpenAI-shaped chunks and completions. */
final class ChatJson {

    // Jackson recycles its buffers per thread by default: every virtual thread (one per stream) would keep its own.
    private static final ObjectMapper JSON = JsonMapper.builder(
                    JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ChatJson() {
    }

    /** The parsed tree, or null when the text is not one JSON value. */
    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A {@code content} string; null (while reasoning or calling tools) and absent give "". */
    static String text(JsonNode content) {
        return content.isTextual() ? content.asText() : "";
    }

    static Optional<String> finishReason(JsonNode choice) {
        JsonNode reason = choice.path("finish_reason");
        return reason.isTextual() && !reason.asText().isEmpty() ? Optional.of(reason.asText()) : Optional.empty();
    }

    /** The {@code usage} object's token counts (missing ones are 0); empty when usage is null or absent. */
    static Optional<Usage> usage(JsonNode chunk) {
        JsonNode usage = chunk.path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        long prompt = Math.max(0, usage.path("prompt_tokens").asLong(0));
        long completion = Math.max(0, usage.path("completion_tokens").asLong(0));
        return Optional.of(Usage.reported(prompt, completion));
    }

    /** At most {@code maxChars} of {@code text}, never cutting a surrogate pair, marked when cut. */
    static String excerpt(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end) + "…";
    }
}
