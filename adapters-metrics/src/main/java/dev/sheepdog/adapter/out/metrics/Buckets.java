package dev.sheepdog.adapter.out.metrics;

import java.time.Duration;

/** Histogram buckets chosen for what each measures, so the exposition stays small and readable. */
final class Buckets {

    static final Duration[] FIRST_TOKEN = millis(50, 100, 200, 300, 500, 750, 1000, 2000, 5000, 10_000, 30_000, 60_000);
    static final Duration[] STREAM = millis(250, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000, 120_000, 300_000);
    static final Duration[] TOKEN_GAP = millis(1, 5, 10, 20, 50, 100, 250, 500, 1000, 5000);
    static final Duration[] ADDED = {Duration.ofNanos(50_000), Duration.ofNanos(100_000), Duration.ofNanos(250_000),
        Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(100)};

    private Buckets() {
    }

    private static Duration[] millis(long... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofMillis(values[i]);
        }
        return durations;
    }
}
