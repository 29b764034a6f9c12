package dev.sheepdog.providers;

import dev.sheepdog.providers.ResponseBodyQueue.Piece;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Reads the start of an error response: enough to find the provider's message, never more. */
final class ErrorBody {

    static final int MAX_BYTES = 16 * 1024;

    private ErrorBody() {
    }

    static byte[] read(ResponseBodyQueue body, long untilNanos) throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (bytes.size() < MAX_BYTES) {
            Piece piece = body.poll(untilNanos - System.nanoTime());
            if (!(piece instanceof Piece.Bytes read)) {
                break;
            }
            for (ByteBuffer buffer : read.buffers()) {
                int take = Math.min(buffer.remaining(), MAX_BYTES - bytes.size());
                byte[] part = new byte[take];
                buffer.get(part);
                bytes.writeBytes(part);
            }
        }
        body.cancel();
        return bytes.toByteArray();
    }
}
