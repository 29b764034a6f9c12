package dev.sheepdog.adapter.out.simulator;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what the simulator saw happen to its streams, so tests and demos can observe cancellation. */
public final class SimulatorActivity {

    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();

    void opened() {
        opened.incrementAndGet();
    }

    void completed() {
        completed.incrementAndGet();
    }

    void cancelled() {
        cancelled.incrementAndGet();
    }

    public long openedStreams() {
        return opened.get();
    }

    public long completedStreams() {
        return completed.get();
    }

    /** Streams closed by their reader before they ended: the client left. */
    public long cancelledStreams() {
        return cancelled.get();
    }
}
