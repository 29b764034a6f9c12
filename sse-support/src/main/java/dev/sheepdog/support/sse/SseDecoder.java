package dev.sheepdog.support.sse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Incremental decoder of a {@code text/event-stream} body, following the WHATWG event-stream
 * interpretation: feed it bytes as they arrive and it returns the events they complete. One
 * instance per stream, not thread-safe. A line or an event's data over its cap throws the
 * unchecked {@link SseLimitExceededException}, after which the stream must be abandoned.
 */
public final class SseDecoder {

    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_EVENT_BYTES = 1 << 20;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte COLON = ':';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int SCRATCH_BYTES = 8192;

    private final LineBuffer line;
    private final PendingEvent event;
    private int bomMatched;
    private boolean afterCr;
    private int comments;
    private List<SseEvent> dispatched;
    private byte[] scratch;

    public SseDecoder() {
        this(DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_EVENT_BYTES);
    }

    public SseDecoder(int maxLineBytes, int maxEventBytes) {
        if (maxLineBytes < 1 || maxEventBytes < 1) {
            throw new IllegalArgumentException("caps must be positive");
        }
        this.line = new LineBuffer(maxLineBytes);
        this.event = new PendingEvent(maxEventBytes);
    }

    /** Decodes the buffer's remaining bytes (consuming them) and returns the events they complete. */
    public List<SseEvent> feed(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            int start = buffer.arrayOffset() + buffer.position();
            int count = buffer.remaining();
            buffer.position(buffer.limit());
            consume(buffer.array(), start, count);
        } else {
            if (scratch == null) {
                scratch = new byte[SCRATCH_BYTES];
            }
            while (buffer.hasRemaining()) {
                int count = Math.min(scratch.length, buffer.remaining());
                buffer.get(scratch, 0, count);
                consume(scratch, 0, count);
            }
        }
        return drain();
    }

    public List<SseEvent> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /** Decodes {@code length} bytes from {@code offset} and returns the events they complete, in order. */
    public List<SseEvent> feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        consume(bytes, offset, length);
        return drain();
    }

    /**
     * Ends the stream. Returns whether an unterminated tail remained (a partial line, or fields
     * not yet closed by a blank line); that tail is dropped, never dispatched.
     */
    public boolean finish() {
        boolean tail = line.length() > 0 || bomMatched > 0 || event.pending();
        line.clear();
        event.reset();
        bomMatched = -1;
        return tail;
    }

    /** How many comment lines (starting with ':') the stream has carried so far. */
    public int comments() {
        return comments;
    }

    private void consume(byte[] bytes, int from, int length) {
        int end = from + length;
        int i = skipBom(bytes, from, end);
        while (i < end) {
            if (afterCr) {
                afterCr = false;
                if (bytes[i] == LF) { // CRLF split or not: one line end
                    i++;
                    continue;
                }
            }
            int stop = LineEnds.next(bytes, i, end);
            if (stop == end) {
                line.append(bytes, i, end - i);
                return;
            }
            afterCr = bytes[stop] == CR;
            if (line.length() == 0) {
                line.checkFits(stop - i); // the whole line is in this feed: read it in place
                completeLine(bytes, i, stop - i);
            } else {
                line.append(bytes, i, stop - i);
                completeLine(line.bytes(), 0, line.length());
                line.clear();
            }
            i = stop + 1;
        }
    }

    // The stream may start with one UTF-8 BOM, which is not content; it can arrive split.
    private int skipBom(byte[] bytes, int from, int end) {
        int i = from;
        while (bomMatched >= 0 && i < end) {
            if (bytes[i] == BOM[bomMatched]) {
                i++;
                if (++bomMatched == BOM.length) {
                    bomMatched = -1;
                }
            } else {
                line.append(BOM, 0, bomMatched);
                bomMatched = -1;
            }
        }
        return i;
    }

    private void completeLine(byte[] bytes, int from, int length) {
        if (length == 0) {
            SseEvent completed = event.dispatch();
            if (completed != null) {
                if (dispatched == null) {
                    dispatched = new ArrayList<>();
                }
                dispatched.add(completed);
            }
        } else if (bytes[from] == COLON) {
            comments++;
        } else {
            event.field(bytes, from, length);
        }
    }

    private List<SseEvent> drain() {
        List<SseEvent> events = dispatched == null ? List.of() : dispatched;
        dispatched = null;
        return events;
    }
}
