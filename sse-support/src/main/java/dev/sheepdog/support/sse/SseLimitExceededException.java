package dev.sheepdog.support.sse;

/**
 * Thrown (unchecked) by {@link SseDecoder} when a line or an event's data grows past its cap; the
 * stream cannot be decoded further and must be abandoned.
 */
public final class SseLimitExceededException extends RuntimeException {

    private final int limitBytes;

    SseLimitExceededException(String what, int limitBytes) {
        super(what + " exceeds " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    /** The cap that was crossed, in bytes. */
    public int limitBytes() {
        return limitBytes;
    }
}
