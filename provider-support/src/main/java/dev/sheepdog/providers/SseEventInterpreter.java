package dev.sheepdog.providers;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.support.sse.SseEvent;
import java.util.List;
import java.util.Optional;

/**
 * A provider's reading of its own server-sent events: each event into neutral completion events,
 * ending with exactly one {@code End} or {@code Failed}. One instance per stream, not thread-safe.
 */
public interface SseEventInterpreter {

    /** The completion events one SSE event yields; none once the stream has ended or failed. */
    List<CompletionEvent> interpret(SseEvent event);

    /**
     * The closing event when the body ended before the provider said the stream was over (an end if
     * the answer was complete, else a truncation); empty when the stream had already ended or failed.
     *
     * @param unterminatedTail whether the body ended in the middle of an event
     */
    Optional<CompletionEvent> endOfBody(boolean unterminatedTail);
}
