package dev.sheepdog.providers;

import dev.sheepdog.domain.model.CompletionEvent;
import java.nio.ByteBuffer;
import java.util.Queue;

/** Turns the bytes of a successful response into completion events, as they arrive. One per response. */
public interface BodyReader {

    /** Reads one piece of the body; appends the events it completes. */
    void read(ByteBuffer bytes, Queue<CompletionEvent> events);

    /** The body ended; appends whatever its end means (the end, or a truncated stream). */
    void end(Queue<CompletionEvent> events);

    /** What the body is, in a client's words: "stream" or "answer". */
    String what();
}
