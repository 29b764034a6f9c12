package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.StreamDeadlines;

/**
 * When a stream must have made progress by: its first chunk within the first-token deadline, each
 * next chunk within the idle deadline, all of it within the total. Comments such as DeepSeek's
 * {@code : keep-alive} are not chunks, so they never push a deadline back.
 */
final class StreamDeadline {

    private final StreamDeadlines limits;
    private final long startNanos;
    private final boolean waitsForWholeAnswer;
    private long lastChunkNanos;
    private boolean chunkSeen;

    /** @param waitsForWholeAnswer a non-streaming request has only its total deadline */
    StreamDeadline(StreamDeadlines limits, long startNanos, boolean waitsForWholeAnswer) {
        this.limits = limits;
        this.startNanos = startNanos;
        this.waitsForWholeAnswer = waitsForWholeAnswer;
    }

    void chunkArrived(long nowNanos) {
        chunkSeen = true;
        lastChunkNanos = nowNanos;
    }

    boolean chunkSeen() {
        return chunkSeen;
    }

    /** The moment, in {@link System#nanoTime()} terms, at which the stream has failed if nothing happened. */
    long nextNanos() {
        long total = startNanos + limits.total().toNanos();
        if (waitsForWholeAnswer) {
            return total;
        }
        long stage = chunkSeen ? lastChunkNanos + limits.idle().toNanos() : startNanos + limits.firstToken().toNanos();
        return Math.min(total, stage);
    }

    /** The failure for a deadline that has passed. */
    CompletionFailure expired(long nowNanos) {
        if (nowNanos - (startNanos + limits.total().toNanos()) >= 0 || waitsForWholeAnswer) {
            return CompletionFailure.of(FailureKind.STREAM_TIMEOUT,
                    "The provider's answer took longer than " + limits.total().toSeconds() + " s.");
        }
        if (!chunkSeen) {
            return CompletionFailure.of(FailureKind.FIRST_TOKEN_TIMEOUT,
                    "The provider sent no token within " + limits.firstToken().toMillis() + " ms.");
        }
        return CompletionFailure.of(FailureKind.IDLE_TIMEOUT,
                "The provider's stream stalled for more than " + limits.idle().toMillis() + " ms.");
    }
}
