package dev.sheepdog.adapter.out.holysheep.sse;

import dev.sheepdog.support.sse.SseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the events of one OpenAI-compatible {@code chat.completion} stream into domain
 * {@link CompletionEvent}s, ending with exactly one {@link End} or {@link Failed}. One instance per
 * stream, not thread-safe.
 */
public final class ChunkInterpreter {

    private static final String DONE = "[DONE]";
    private static final int EXCERPT_CHARS = 100;

    private boolean finishReasonSeen;
    private boolean ended;

    /** The domain events one SSE event yields; none once the stream has ended or failed. */
    public List<CompletionEvent> interpret(SseEvent event) {
        if (ended) {
            return List.of();
        }
        String data = event.data();
        if (event.type().equals("error")) {
            return end(new Failed(UpstreamErrors.inErrorEvent(ChatJson.parse(data), data)));
        }
        if (!event.type().equals(SseEvent.DEFAULT_TYPE) || data.isBlank()) {
            return List.of(); // OpenAI-compatible chunks are unnamed events; other types carry no chunk
        }
        if (data.strip().equals(DONE)) {
            return end(new End());
        }
        JsonNode chunk = ChatJson.parse(data);
        if (chunk == null || !chunk.isObject()) {
            return end(malformed(chunk == null ? "chunk is not valid JSON: " : "chunk is not a JSON object: ", data));
        }
        Optional<CompletionFailure> error = UpstreamErrors.in(chunk);
        if (error.isPresent()) {
            List<CompletionEvent> events = new ArrayList<>(2);
            // the tokens were spent even though the stream failed: report them first
            ChatJson.usage(chunk).ifPresent(usage -> events.add(new UsageReport(usage, Optional.empty())));
            events.add(new Failed(error.get()));
            ended = true;
            return events;
        }
        return chunk(chunk, data);
    }

    /**
     * The closing event when the body ended without {@code [DONE]}: {@link End} if a finish reason
     * was seen (the {@code [DONE]} may sit in an unterminated last event), else a truncation.
     * Empty when the stream had already ended or failed.
     */
    public Optional<CompletionEvent> endOfBody(boolean unterminatedTail) {
        if (ended) {
            return Optional.empty();
        }
        ended = true;
        if (finishReasonSeen) {
            return Optional.of(new End());
        }
        String message = unterminatedTail
                ? "the provider's stream ended mid-event, before a finish reason"
                : "the provider's stream ended before a finish reason";
        return Optional.of(new Failed(CompletionFailure.of(FailureKind.STREAM_TRUNCATED, message)));
    }

    /** Whether an {@link End} or {@link Failed} has been produced. */
    public boolean ended() {
        return ended;
    }

    /** The events of a whole non-streaming {@code chat.completion} body: chunk, usage, end. */
    public static List<CompletionEvent> interpretCompletion(String body) {
        JsonNode completion = ChatJson.parse(body);
        if (completion == null || !completion.isObject()) {
            return List.of(malformed("completion is not a JSON object: ", body));
        }
        Optional<CompletionFailure> error = UpstreamErrors.in(completion);
        if (error.isPresent()) {
            return List.of(new Failed(error.get()));
        }
        JsonNode choice = completion.path("choices").path(0);
        String text = ChatJson.text(choice.path("message").path("content"));
        List<CompletionEvent> events = new ArrayList<>(3);
        events.add(new Chunk(new RawJson(body), text, ChatJson.finishReason(choice)));
        ChatJson.usage(completion).ifPresent(usage -> events.add(new UsageReport(usage, Optional.empty())));
        events.add(new End());
        return events;
    }

    private List<CompletionEvent> chunk(JsonNode chunk, String data) {
        JsonNode choices = chunk.get("choices");
        boolean noChoices = choices == null || !choices.isArray() || choices.isEmpty();
        Optional<Usage> usage = ChatJson.usage(chunk);
        RawJson raw = new RawJson(data);
        if (noChoices && usage.isPresent()) {
            // OpenAI's stream_options.include_usage: a chunk of its own with choices: []
            return List.of(new UsageReport(usage.get(), Optional.of(raw)));
        }
        JsonNode choice = noChoices ? MissingNode.getInstance() : choices.get(0);
        Optional<String> finishReason = ChatJson.finishReason(choice);
        finishReasonSeen |= finishReason.isPresent();
        Chunk event = new Chunk(raw, ChatJson.text(choice.path("delta").path("content")), finishReason);
        if (usage.isEmpty()) {
            return List.of(event);
        }
        // DeepSeek, Mistral and Groq put usage on the finish chunk, not a separate one
        return List.of(event, new UsageReport(usage.get(), Optional.empty()));
    }

    private List<CompletionEvent> end(CompletionEvent terminal) {
        ended = true;
        return List.of(terminal);
    }

    private static Failed malformed(String what, String data) {
        String message = what + ChatJson.excerpt(data.strip(), EXCERPT_CHARS);
        return new Failed(CompletionFailure.of(FailureKind.MALFORMED_STREAM, message));
    }
}
