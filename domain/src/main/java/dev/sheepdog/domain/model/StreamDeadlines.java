package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long each stage of a completion may take before it is a typed timeout instead of a hang.
 *
 * @param connect    until the provider's response headers arrive
 * @param firstToken until the first chunk with content (keep-alive comments do not count)
 * @param idle       between two chunks once the stream is flowing
 * @param total      for the whole stream
 */
public record StreamDeadlines(Duration connect, Duration firstToken, Duration idle, Duration total) {

    public static final StreamDeadlines DEFAULT = new StreamDeadlines(
            Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(10));

    public StreamDeadlines {
        requirePositive(connect, "connect");
        requirePositive(firstToken, "firstToken");
        requirePositive(idle, "idle");
        requirePositive(total, "total");
    }

    private static void requirePositive(Duration duration, String name) {
        requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " deadline must be positive: " + duration);
        }
    }
}
