package dev.sheepdog.adapter.in.http;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A completion stream the test drives: it hands out only what the test has emitted, so a test
 * decides when the next event exists (a handshake instead of a delay), and it records its close.
 */
final class ScriptedCompletionStream implements CompletionStream {

    private final BlockingQueue<CompletionEvent> emitted = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile CompletionEvent terminal;
    private volatile boolean closedBeforeTerminal;

    static ScriptedCompletionStream of(CompletionEvent... events) {
        ScriptedCompletionStream stream = new ScriptedCompletionStream();
        for (CompletionEvent event : events) {
            stream.emit(event);
        }
        return stream;
    }

    /** Makes one more event available to the reader. */
    ScriptedCompletionStream emit(CompletionEvent event) {
        emitted.add(event);
        return this;
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        if (terminal != null) {
            return Optional.of(terminal); // as the port promises: a terminal event repeats
        }
        CompletionEvent next = emitted.poll(maxWait.toNanos(), NANOSECONDS);
        if (next != null && next.terminal()) {
            terminal = next;
        }
        return Optional.ofNullable(next);
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() > 0) {
            closedBeforeTerminal = terminal == null;
            closed.countDown();
        }
    }

    /** Waits for the reader to close the stream; false if it did not within {@code maxWait}. */
    boolean awaitClose(Duration maxWait) throws InterruptedException {
        return closed.await(maxWait.toNanos(), NANOSECONDS);
    }

    /** True when the reader closed the stream before it handed out an end or a failure: a cancel. */
    boolean closedBeforeTerminal() {
        return closed.getCount() == 0 && closedBeforeTerminal;
    }
}
