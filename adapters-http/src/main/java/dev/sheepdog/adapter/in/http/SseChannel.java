package dev.sheepdog.adapter.in.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The response of one stream as Server-Sent Events. The 200 and its headers are committed by the
 * first write, so a failure before it can still be a proper HTTP error. Events are queued and
 * flushed by the caller as soon as no further event is already waiting: a token that sits in a
 * buffer is a token the user does not see, but a burst of tokens is one write, not one each.
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
        written.writeTo(stream);
        stream.flush();
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
            // Every event is flushed at once, so Jetty's default 32 KB output buffer would only be memory
            // held for as long as the stream is open (larger events are written past a small one).
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
