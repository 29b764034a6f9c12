package dev.sheepdog.adapter.in.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.HttpOutput;

/**
 * The response of one stream as Server-Sent Events. The 200 and its headers are committed by the
 * first write, so a failure before it can still be a proper HTTP error. Events are queued and
 * flushed by the caller as soon as no further event is already waiting: a token that sits in a
 * buffer is a token the user does not see, but a burst of tokens is one write, not one each.
 * Each batch is written as one piece: it holds whole events only, and so does every HTTP chunk, for
 * clients that split what one network read gives them on line ends.
 */
final class SseChannel {

    static final String FIRST_DATA_NANOS = "sheepdog.firstDataNanos";
    private static final int OUTPUT_BUFFER_BYTES = 1024;

    private final Context ctx;
    private OutputStream out;
    private ByteArrayOutputStream batch;
    private boolean batchHasData;

    SseChannel(Context ctx) {
        this.ctx = ctx;
    }

    boolean committed() {
        return out != null;
    }

    /** One {@code data:} event; a payload with line breaks becomes several data lines, as SSE requires. */
    void sendData(String payload) throws IOException {
        queueData(payload);
        flush();
    }

    /** One event of a named type, e.g. {@code error}. */
    void sendEvent(String type, String payload) throws IOException {
        queue(frame("event: " + type + "\n", payload));
        flush();
    }

    void send(byte[] bytes) throws IOException {
        queue(bytes);
        flush();
    }

    /** Adds a {@code data:} event to the batch that the next {@link #flush()} writes. */
    void queueData(String payload) {
        queue(frame("", payload));
        batchHasData = true;
    }

    void queue(byte[] bytes) {
        if (batch == null) {
            batch = new ByteArrayOutputStream(Math.max(bytes.length, 256));
        }
        batch.writeBytes(bytes);
    }

    int queuedBytes() {
        return batch == null ? 0 : batch.size();
    }

    /** Writes the batch in one piece and pushes it to the client. */
    void flush() throws IOException {
        if (batch == null) {
            return;
        }
        OutputStream stream = open();
        // Dropped, not reset: an idle stream should not keep the largest batch it ever wrote.
        ByteArrayOutputStream written = batch;
        batch = null;
        if (stream instanceof HttpOutput jetty) {
            // Past Jetty's aggregation buffer: one write, one HTTP chunk, however long the batch.
            jetty.write(ByteBuffer.wrap(written.toByteArray()));
        } else {
            written.writeTo(stream);
            stream.flush();
        }
        if (batchHasData && ctx.attribute(FIRST_DATA_NANOS) == null) {
            ctx.attribute(FIRST_DATA_NANOS, System.nanoTime());
        }
        batchHasData = false;
    }

    private OutputStream open() throws IOException {
        if (out == null) {
            ctx.status(200);
            ctx.res().setContentType("text/event-stream; charset=utf-8");
            ctx.res().setHeader("Cache-Control", "no-cache");
            // Tells nginx and similar proxies not to buffer the stream.
            ctx.res().setHeader("X-Accel-Buffering", "no");
            // Batches are written past Jetty's output buffer, so its default 32 KB would only be memory
            // held for as long as the stream is open; a small one is never even taken from the pool.
            ctx.res().setBufferSize(OUTPUT_BUFFER_BYTES);
            out = ctx.res().getOutputStream();
        }
        return out;
    }

    private static byte[] frame(String prefix, String payload) {
        StringBuilder frame = new StringBuilder(payload.length() + prefix.length() + 10).append(prefix);
        if (payload.indexOf('\n') < 0 && payload.indexOf('\r') < 0) {
            frame.append("data: ").append(payload).append('\n');
        } else {
            for (String line : payload.split("\r\n|\r|\n", -1)) {
                frame.append("data: ").append(line).append('\n');
            }
        }
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
