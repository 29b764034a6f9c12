package dev.sheepdog.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalLong;

/** Follows one completion stream event by event: when text first came, how much came, and how it ended. */
final class StreamTally {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int target;
    private final long startNanos;
    private long firstContentNanos = -1;
    private long contentChunks;
    private long usageTokens = -1;
    private boolean finished;
    private boolean done;
    private boolean failed;

    StreamTally(int target, long startNanos) {
        this.target = target;
        this.startNanos = startNanos;
    }

    /** Takes one event that arrived at {@code nanos}; true when the stream is over ({@code [DONE]} or an error). */
    boolean accept(SseEvent event, long nanos) {
        if (event.isError()) {
            return fail();
        }
        if (event.data().strip().equals("[DONE]")) {
            done = true;
            return true;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(event.data());
        } catch (JsonProcessingException e) {
            return fail(); // garbage in the stream is the server's failure, as an error event would be
        }
        // Providers also send errors as data: an "error" member, or an object of type "error".
        if (chunk == null || !chunk.isObject() || chunk.hasNonNull("error")
                || chunk.path("object").asText().equals("error")) {
            return fail();
        }
        read(chunk, nanos);
        return false;
    }

    private void read(JsonNode chunk, long nanos) {
        boolean content = false;
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode text = choice.path("delta").path("content");
            content |= text.isTextual() && !text.asText().isEmpty();
            JsonNode finish = choice.path("finish_reason");
            finished |= finish.isTextual() && !finish.asText().isEmpty();
        }
        if (content) {
            contentChunks++;
            if (firstContentNanos < 0) {
                firstContentNanos = nanos;
            }
        }
        // DeepSeek puts usage on the finish chunk, OpenAI in a chunk of its own: keep the last one reported.
        JsonNode completionTokens = chunk.path("usage").path("completion_tokens");
        if (completionTokens.isIntegralNumber()) {
            usageTokens = completionTokens.asLong();
        }
    }

    private boolean fail() {
        failed = true;
        return true;
    }

    /** The result once the stream is over or the body has ended at {@code endNanos}. */
    RequestResult result(long endNanos) {
        long total = endNanos - startNanos;
        if (failed) {
            return RequestResult.failed(target, RequestResult.STREAM_ERROR, total);
        }
        if (!done && !finished) {
            return RequestResult.failed(target, RequestResult.TRUNCATED, total);
        }
        OptionalLong ttft = firstContentNanos < 0 ? OptionalLong.empty()
                : OptionalLong.of(firstContentNanos - startNanos);
        return RequestResult.completed(target, ttft, total, usageTokens >= 0 ? usageTokens : contentChunks);
    }
}
