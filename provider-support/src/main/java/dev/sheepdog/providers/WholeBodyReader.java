package dev.sheepdog.providers;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.function.Function;

/** Reads a non-streaming response: the whole body, capped in size, interpreted once complete. */
public final class WholeBodyReader implements BodyReader {

    private final int maxBytes;
    private final Function<String, List<CompletionEvent>> interpreter;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean tooLarge;

    /** @param interpreter the provider's reading of a whole answer: its events, ending with an end or a failure */
    public WholeBodyReader(int maxBytes, Function<String, List<CompletionEvent>> interpreter) {
        this.maxBytes = maxBytes;
        this.interpreter = interpreter;
    }

    @Override
    public void read(ByteBuffer bytes, Queue<CompletionEvent> events) {
        if (tooLarge) {
            return;
        }
        if (body.size() + bytes.remaining() > maxBytes) {
            tooLarge = true;
            events.add(new CompletionEvent.Failed(CompletionFailure.of(FailureKind.EVENT_TOO_LARGE,
                    "The provider's completion is larger than " + maxBytes + " bytes.")));
            return;
        }
        byte[] piece = new byte[bytes.remaining()];
        bytes.get(piece);
        body.writeBytes(piece);
    }

    @Override
    public void end(Queue<CompletionEvent> events) {
        if (!tooLarge) {
            events.addAll(interpreter.apply(body.toString(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public String what() {
        return "answer";
    }
}
