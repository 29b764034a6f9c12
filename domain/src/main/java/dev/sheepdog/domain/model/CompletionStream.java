package dev.sheepdog.domain.model;

import java.time.Duration;
import java.util.Optional;

/**
 * A completion being generated, pulled one event at a time. The reader sets the pace, so a slow
 * client slows the reading of the provider instead of filling memory. Closing the stream before
 * its terminal event cancels the provider's request.
 */
public interface CompletionStream extends AutoCloseable {

    /**
     * Waits at most {@code maxWait} for the next event. Empty means nothing arrived in time and the
     * stream is still open (the caller may send a heartbeat and poll again). After a terminal event
     * every further poll returns that same event.
     */
    Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException;

    /** Cancels the provider's request if it is still running. Safe to call more than once. */
    @Override
    void close();

    /** A stream that has already failed, for a request that could not even be started. */
    static CompletionStream failed(CompletionFailure failure) {
        CompletionEvent.Failed event = new CompletionEvent.Failed(failure);
        return new CompletionStream() {
            @Override
            public Optional<CompletionEvent> poll(Duration maxWait) {
                return Optional.of(event);
            }

            @Override
            public void close() {
                // nothing was opened
            }
        };
    }
}
