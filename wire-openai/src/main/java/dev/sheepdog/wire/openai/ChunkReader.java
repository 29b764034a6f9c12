package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.Usage;
import dev.sheepdog.domain.model.Verbatim;
import dev.sheepdog.support.http.Excerpt;
import dev.sheepdog.support.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the server-sent events of one OpenAI-compatible {@code chat.completion.chunk} stream into
 * neutral {@link CompletionEvent}s, each chunk with its original JSON attached so that an OpenAI
 * client gets it byte for byte; ends with exactly one {@link End} or {@link Failed}. One instance
 * per stream, not thread-safe.
 */
public final class ChunkReader {

    private static final String DONE = "[DONE]";
    private static final int EXCERPT_CHARS = 100;

    private boolean finishReasonSeen;
    private boolean ended;

    /** The events one SSE event yields; none once the stream has ended or failed. */
    public List<CompletionEvent> interpret(SseEvent event) {
        if (ended) {
            return List.of();
        }
        String data = event.data();
        if (event.type().equals("error")) {
            return end(new Failed(ErrorReader.inErrorEvent(ProviderJson.parse(data), data)));
        }
        if (!event.type().equals(SseEvent.DEFAULT_TYPE) || data.isBlank()) {
            return List.of(); // OpenAI-compatible chunks are unnamed events; other types carry no chunk
        }
        if (data.strip().equals(DONE)) {
            return end(new End());
        }
        JsonNode chunk = ProviderJson.parse(data);
        if (chunk == null || !chunk.isObject()) {
            return end(malformed(chunk == null ? "chunk is not valid JSON: " : "chunk is not a JSON object: ", data));
        }
        Optional<CompletionFailure> error = ErrorReader.in(chunk);
        if (error.isPresent()) {
            List<CompletionEvent> events = new ArrayList<>(2);
            // the tokens were spent even though the stream failed: report them first
            UsageReader.usage(chunk).ifPresent(usage -> events.add(UsageReport.of(usage)));
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

    private List<CompletionEvent> chunk(JsonNode chunk, String data) {
        JsonNode choices = chunk.get("choices");
        boolean noChoices = choices == null || !choices.isArray() || choices.isEmpty();
        Optional<Usage> usage = UsageReader.usage(chunk);
        Optional<Verbatim> original = Optional.of(new Verbatim(OpenAiWire.CHUNK, data));
        if (noChoices && usage.isPresent()) {
            // OpenAI's stream_options.include_usage: a chunk of its own with choices: []
            return List.of(new UsageReport(usage.get(), original));
        }
        JsonNode choice = noChoices ? MissingNode.getInstance() : choices.get(0);
        List<Delta> deltas = DeltaReader.deltas(choice.path("delta"), choice);
        Chunk event = new Chunk(deltas, original);
        finishReasonSeen |= event.finishReason().isPresent();
        if (usage.isEmpty()) {
            return List.of(event);
        }
        // DeepSeek, Mistral and Groq put usage on the finish chunk, not a separate one
        return List.of(event, UsageReport.of(usage.get()));
    }

    private List<CompletionEvent> end(CompletionEvent terminal) {
        ended = true;
        return List.of(terminal);
    }

    static Failed malformed(String what, String data) {
        String message = what + Excerpt.of(data.strip(), EXCERPT_CHARS);
        return new Failed(CompletionFailure.of(FailureKind.MALFORMED_STREAM, message));
    }
}
