package dev.sheepdog.adapter.out.simulator;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.FailureKind;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands out a simulated answer on the model's schedule: the first token after the time to first
 * token, then one token per delay. Events are made when they are due, never all at once.
 */
final class SimulatedStream implements CompletionStream {

    private static final CompletionEvent CANCELLED = new CompletionEvent.Failed(
            CompletionFailure.of(FailureKind.CANCELLED, "The stream was closed before it ended."));

    private final SimulatedEvents events;
    private final long startNanos;
    private final long firstTokenNanos;
    private final long interTokenNanos;
    private final SimulatorActivity activity;
    private final AtomicReference<CompletionEvent> terminal = new AtomicReference<>();
    // Counted down by close(), so a poll waiting for the next token wakes at once.
    private final CountDownLatch closed = new CountDownLatch(1);
    private int position;

    SimulatedStream(SimulatedEvents events, SimulatorSettings settings, SimulatorActivity activity) {
        this.events = events;
        this.startNanos = System.nanoTime();
        this.firstTokenNanos = settings.timeToFirstToken().toNanos();
        this.interTokenNanos = settings.interTokenDelay().toNanos();
        this.activity = activity;
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        if (events.silentAt(position) && terminal.get() == null) {
            closed.await(maxWait.toNanos(), TimeUnit.NANOSECONDS);
            return Optional.ofNullable(terminal.get());
        }
        long due = startNanos + firstTokenNanos + events.tokenIndexAt(position) * interTokenNanos;
        long waitNanos = due - System.nanoTime();
        if (waitNanos > 0 && terminal.get() == null) {
            closed.await(Math.min(waitNanos, maxWait.toNanos()), TimeUnit.NANOSECONDS);
            if (System.nanoTime() - due < 0 && terminal.get() == null) {
                return Optional.empty();
            }
        }
        if (terminal.get() != null) {
            return Optional.of(terminal.get());
        }
        CompletionEvent event = events.at(position++);
        if (event.terminal()) {
            if (!terminal.compareAndSet(null, event)) {
                return Optional.of(terminal.get()); // closed meanwhile: the close wins, as it is counted
            }
            activity.completed();
        }
        return Optional.of(event);
    }

    @Override
    public void close() {
        if (terminal.compareAndSet(null, CANCELLED)) {
            activity.cancelled();
        }
        closed.countDown();
    }
}
