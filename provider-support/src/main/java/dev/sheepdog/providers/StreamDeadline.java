package dev.sheepdog.providers;

import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.StreamDeadlines;

/**
 * When a stream must have made progress by: its first chunk within the first-token deadline, each
 * next chunk within the idle deadline, all of it within the total. Comments such as DeepSeek's
 * {@code : keep-alive} are not chunks, so they never push a deadline back. A non-streaming answer
 * has no chunks: it must begin (its headers) within the first-token deadline, and its body must
 * not pause longer than the idle deadline.
 */
final class StreamDeadline {

    private final StreamDeadlines limits;
    private final long startNanos;
    private final boolean waitsForWholeAnswer;
    private long lastProgressNanos;
    private boolean chunkSeen;
    private boolean progressed;

    /** @param waitsForWholeAnswer a non-streaming request, whose progress is its response's bytes */
    StreamDeadline(StreamDeadlines limits, long startNanos, boolean waitsForWholeAnswer) {
        this.limits = limits;
        this.startNanos = startNanos;
        this.waitsForWholeAnswer = waitsForWholeAnswer;
    }

    void chunkArrived(long nowNanos) {
        chunkSeen = true;
        progressed(nowNanos);
    }

    /** The response's headers or a piece of its body arrived: progress only for a non-streaming answer. */
    void bytesArrived(long nowNanos) {
        if (waitsForWholeAnswer) {
            progressed(nowNanos);
        }
    }

    boolean chunkSeen() {
        return chunkSeen;
    }

    /** The moment, in {@link System#nanoTime()} terms, at which the stream has failed if nothing happened. */
    long nextNanos() {
        long total = startNanos + limits.total().toNanos();
        long stage = progressed ? lastProgressNanos + limits.idle().toNanos()
                : startNanos + limits.firstToken().toNanos();
        return Math.min(total, stage);
    }

    /** The failure for a deadline that has passed. */
    CompletionFailure expired(long nowNanos) {
        if (nowNanos - (startNanos + limits.total().toNanos()) >= 0) {
            return CompletionFailure.of(FailureKind.STREAM_TIMEOUT,
                    "The provider's answer took longer than " + limits.total().toSeconds() + " s.");
        }
        if (!progressed) {
            return CompletionFailure.of(FailureKind.FIRST_TOKEN_TIMEOUT, waitsForWholeAnswer
                    ? "The provider did not start its answer within " + limits.firstToken().toMillis() + " ms."
                    : "The provider sent no token within " + limits.firstToken().toMillis() + " ms.");
        }
        return CompletionFailure.of(FailureKind.IDLE_TIMEOUT, waitsForWholeAnswer
                ? "The provider's answer stalled for more than " + limits.idle().toMillis() + " ms."
                : "The provider's stream stalled for more than " + limits.idle().toMillis() + " ms.");
    }

    private void progressed(long nowNanos) {
        progressed = true;
        lastProgressNanos = nowNanos;
    }
}
