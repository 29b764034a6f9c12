package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A completion stream that hands out the events a test wrote, each after its own pause, and
 * records being closed. A pause counts from when the previous event was taken (the first one's
 * from when the stream was opened). A script that runs out before a terminal event stalls, like a
 * provider that stopped sending; closing the stream before its end makes it {@code Failed(CANCELLED)}.
 */
public final class ScriptedStream implements CompletionStream {

    private record Step(Duration pause, CompletionEvent event) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closing = lock.newCondition();
    private final List<Step> steps = new ArrayList<>();
    private final List<CompletionEvent> handedOut = new ArrayList<>();
    private long lastNanos = System.nanoTime();
    private CompletionEvent terminal;
    private boolean cancelled;
    private int closeCalls;

    /** A stream handing out these events at once, in order. */
    public static ScriptedStream of(CompletionEvent... events) {
        ScriptedStream stream = new ScriptedStream();
        for (CompletionEvent event : events) {
            stream.then(event);
        }
        return stream;
    }

    /** A normal answer: one chunk per text, the {@code "stop"} finish chunk, usage, the end. */
    public static ScriptedStream answering(String... texts) {
        ScriptedStream stream = new ScriptedStream();
        for (String text : texts) {
            stream.then(ScriptedEvents.chunk(text));
        }
        return stream.then(ScriptedEvents.finish("stop"))
                .then(ScriptedEvents.usage(10, texts.length))
                .then(ScriptedEvents.end());
    }

    public ScriptedStream then(CompletionEvent event) {
        return thenAfter(Duration.ZERO, event);
    }

    /** Adds an event that arrives {@code pause} after the one before it was taken. */
    public ScriptedStream thenAfter(Duration pause, CompletionEvent event) {
        lock.lock();
        try {
            steps.add(new Step(pause, event));
            return this;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
            while (terminal == null) {
                long now = System.nanoTime();
                long untilNext = Long.MAX_VALUE;
                if (handedOut.size() < steps.size()) {
                    Step next = steps.get(handedOut.size());
                    untilNext = lastNanos + next.pause().toNanos() - now;
                    if (untilNext <= 0) {
                        return Optional.of(handOut(next.event(), now));
                    }
                }
                if (deadline - now <= 0) {
                    return Optional.empty();
                }
                closing.awaitNanos(Math.min(untilNext, deadline - now));
            }
            return Optional.of(terminal);
        } finally {
            lock.unlock();
        }
    }

    private CompletionEvent handOut(CompletionEvent event, long now) {
        handedOut.add(event);
        lastNanos = now;
        if (event.terminal()) {
            terminal = event;
        }
        return event;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeCalls++;
            if (terminal == null) {
                terminal = ScriptedEvents.failed(FailureKind.CANCELLED);
                cancelled = true;
            }
            closing.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Restarts the first pause: the provider calls this when it opens the stream. */
    void opened() {
        lock.lock();
        try {
            lastNanos = System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        return locked(() -> closeCalls > 0);
    }

    public int closeCalls() {
        return locked(() -> closeCalls);
    }

    /** Closed before a terminal event: the provider's request would have been cancelled. */
    public boolean wasCancelled() {
        return locked(() -> cancelled);
    }

    /** The scripted events taken so far, in order (not the repeated terminal event). */
    public List<CompletionEvent> handedOut() {
        return locked(() -> List.copyOf(handedOut));
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }
}
