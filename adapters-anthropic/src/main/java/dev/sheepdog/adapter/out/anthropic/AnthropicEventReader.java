package dev.sheepdog.adapter.out.anthropic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.providers.SseEventInterpreter;
import dev.sheepdog.support.http.Excerpt;
import dev.sheepdog.support.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the events of one Messages API stream into neutral {@link CompletionEvent}s, ending with
 * exactly one {@link End} or {@link Failed}. Dispatches on the JSON {@code type}, not the SSE event
 * name, which some servers leave out. The role ({@code Start}) rides on the first chunk that carries
 * anything. One instance per stream, not thread-safe.
 */
final class AnthropicEventReader implements SseEventInterpreter {

    // Jackson recycles its buffers per thread by default: every virtual thread (one per stream) would keep its own.
    private static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build());
    private static final int EXCERPT_CHARS = 100;

    private final AnthropicUsage usage = new AnthropicUsage();
    private final ContentBlocks blocks = new ContentBlocks();
    private boolean started;
    private boolean stopReasonSeen;
    private boolean ended;

    /** The neutral events one SSE event yields; none once the stream has ended or failed. */
    @Override
    public List<CompletionEvent> interpret(SseEvent event) {
        if (ended || event.data().isBlank()) {
            return List.of();
        }
        JsonNode payload = parse(event.data());
        if (payload == null || !payload.isObject()) {
            return end(event.type().equals("error")
                    ? new Failed(AnthropicErrors.unreadable(event.data()))
                    : malformed(event.data()));
        }
        return switch (payload.path("type").asText()) {
            case "message_start" -> {
                usage.merge(payload.path("message").get("usage"));
                yield List.of();
            }
            case "content_block_start", "content_block_delta" -> chunk(blocks.read(payload));
            case "message_delta" -> messageDelta(payload);
            case "message_stop" -> finish(new End());
            case "error" -> finish(new Failed(AnthropicErrors.failure(payload.path("error"), 0, Optional.empty())));
            default -> List.of(); // ping, content_block_stop, and event types added later
        };
    }

    /**
     * The closing event when the body ended without {@code message_stop}: {@link End} if a stop
     * reason was seen, else a truncation. Empty when the stream had already ended or failed.
     */
    @Override
    public Optional<CompletionEvent> endOfBody(boolean unterminatedTail) {
        if (ended) {
            return Optional.empty();
        }
        ended = true;
        if (stopReasonSeen) {
            return Optional.of(new End());
        }
        String message = unterminatedTail
                ? "the provider's stream ended mid-event, before a stop reason"
                : "the provider's stream ended before a stop reason";
        return Optional.of(new Failed(CompletionFailure.of(FailureKind.STREAM_TRUNCATED, message)));
    }

    boolean ended() {
        return ended;
    }

    private List<CompletionEvent> messageDelta(JsonNode payload) {
        usage.merge(payload.get("usage"));
        JsonNode reason = payload.path("delta").path("stop_reason");
        if (!reason.isTextual()) {
            return List.of();
        }
        stopReasonSeen = true;
        return chunk(List.of(new Delta.Finish(StopReasons.finishReason(reason.asText()))));
    }

    // The tokens were spent even when the stream failed: usage goes first.
    private List<CompletionEvent> finish(CompletionEvent terminal) {
        ended = true;
        return usage.seen() ? List.of(UsageReport.of(usage.toUsage()), terminal) : List.of(terminal);
    }

    /*
     * The role goes out with the first piece of the answer, not alone on message_start: a chunk is
     * what tells the gateway the answer began, and an overloaded_error before any token must still
     * be free to fail over to another endpoint.
     */
    private List<CompletionEvent> chunk(List<Delta> deltas) {
        if (deltas.isEmpty()) {
            return List.of();
        }
        if (started) {
            return List.of(new Chunk(deltas, Optional.empty()));
        }
        started = true;
        List<Delta> withRole = new ArrayList<>(deltas.size() + 1);
        withRole.add(new Delta.Start(Role.ASSISTANT));
        withRole.addAll(deltas);
        return List.of(new Chunk(withRole, Optional.empty()));
    }

    private List<CompletionEvent> end(CompletionEvent terminal) {
        ended = true;
        return List.of(terminal);
    }

    private static Failed malformed(String data) {
        return new Failed(CompletionFailure.of(FailureKind.MALFORMED_STREAM,
                "event is not a JSON object: " + Excerpt.of(data.strip(), EXCERPT_CHARS)));
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
