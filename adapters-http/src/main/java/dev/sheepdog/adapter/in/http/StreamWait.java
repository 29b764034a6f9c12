package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Waits for a completion's next event in slices of at most {@value #SLICE_MILLIS} ms, so that a
 * client that left, or a gateway whose grace period is over, is acted on within one slice even
 * while the provider is silent. Only a silent stream wakes this way; a flowing one returns events.
 */
final class StreamWait {

    static final long SLICE_MILLIS = 250;
    private static final long SLICE_NANOS = Duration.ofMillis(SLICE_MILLIS).toNanos();

    /** The client closed its connection: nothing more can reach it. */
    static final class ClientLeft extends IOException {
        ClientLeft() {
            super("the client closed its connection");
        }
    }

    /** The gateway is stopping and the grace period of open requests is over. */
    static final class GatewayStopping extends Exception {
        GatewayStopping() {
            super("the gateway is stopping", null, false, false);
        }
    }

    private final CompletionStream stream;
    private final ClientDeparture departure;
    private final BooleanSupplier stopping;

    StreamWait(CompletionStream stream, ClientDeparture departure, BooleanSupplier stopping) {
        this.stream = stream;
        this.departure = departure;
        this.stopping = stopping;
    }

    /** The next event within {@code maxWait}, or empty; {@link Duration#ZERO} only takes what already arrived. */
    Optional<CompletionEvent> next(Duration maxWait) throws InterruptedException, ClientLeft, GatewayStopping {
        long end = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if (departure.left()) {
                throw new ClientLeft();
            }
            if (stopping.getAsBoolean()) {
                throw new GatewayStopping();
            }
            long remaining = end - System.nanoTime();
            Optional<CompletionEvent> next = stream.poll(Duration.ofNanos(Math.max(0, Math.min(remaining, SLICE_NANOS))));
            if (next.isPresent() || remaining <= SLICE_NANOS) {
                return next;
            }
        }
    }
}
