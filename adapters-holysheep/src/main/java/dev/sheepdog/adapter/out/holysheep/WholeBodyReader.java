package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.adapter.out.holysheep.sse.ChunkInterpreter;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Queue;

/** Reads a non-streaming response: the whole {@code chat.completion}, capped in size, read once complete. */
final class WholeBodyReader implements BodyReader {

    private final int maxBytes;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean tooLarge;

    WholeBodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
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
        events.addAll(ChunkInterpreter.interpretCompletion(body.toString(StandardCharsets.UTF_8)));
    }

    @Override
    public String what() {
        return "answer";
    }
}
