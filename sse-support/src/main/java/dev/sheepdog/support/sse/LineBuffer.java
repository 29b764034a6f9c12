package dev.sheepdog.support.sse;

import java.util.Arrays;

/** The bytes of the line being read, in one growable array that never grows past its cap. */
final class LineBuffer {

    private static final int INITIAL_CAPACITY = 512;

    private final int maxBytes;
    private byte[] bytes;
    private int length;

    LineBuffer(int maxBytes) {
        this.maxBytes = maxBytes;
        this.bytes = new byte[Math.min(INITIAL_CAPACITY, maxBytes)];
    }

    /** Throws if {@code count} more bytes would take the line past its cap. */
    void checkFits(int count) {
        if ((long) length + count > maxBytes) {
            throw new SseLimitExceededException("an event-stream line", maxBytes);
        }
    }

    /** Appends {@code count} bytes, or throws before allocating if the line would pass its cap. */
    void append(byte[] source, int from, int count) {
        checkFits(count);
        long needed = (long) length + count;
        if (needed > bytes.length) {
            // grow fourfold: few copies for a long line, and one over the cap costs not much more than the cap
            long grown = Math.max(needed, 4L * bytes.length);
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, maxBytes));
        }
        System.arraycopy(source, from, bytes, length, count);
        length = (int) needed;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }
}
