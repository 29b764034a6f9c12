package dev.sheepdog.providers;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.support.sse.SseDecoder;
import dev.sheepdog.support.sse.SseEvent;
import dev.sheepdog.support.sse.SseLimitExceededException;
import java.nio.ByteBuffer;
import java.util.Queue;

/** Reads a streaming response: bytes to SSE events to completion events, one piece at a time. */
public final class SseBodyReader implements BodyReader {

    private final SseDecoder decoder;
    private final SseEventInterpreter interpreter;

    /** @param maxEventBytes the largest SSE line or event accepted from the provider */
    public SseBodyReader(SseEventInterpreter interpreter, int maxEventBytes) {
        this.interpreter = interpreter;
        this.decoder = new SseDecoder(maxEventBytes, maxEventBytes);
    }

    @Override
    public void read(ByteBuffer bytes, Queue<CompletionEvent> events) {
        try {
            for (SseEvent event : decoder.feed(bytes)) {
                events.addAll(interpreter.interpret(event));
            }
        } catch (SseLimitExceededException e) {
            events.add(new CompletionEvent.Failed(CompletionFailure.of(FailureKind.EVENT_TOO_LARGE,
                    "The provider sent a line or event larger than " + e.limitBytes() + " bytes.")));
        }
    }

    @Override
    public void end(Queue<CompletionEvent> events) {
        interpreter.endOfBody(decoder.finish()).ifPresent(events::add);
    }

    @Override
    public String what() {
        return "stream";
    }
}
