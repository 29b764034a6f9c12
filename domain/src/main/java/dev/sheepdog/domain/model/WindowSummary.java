package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * An endpoint's recent traffic, over a sliding window: what the canary controller compares and
 * what an operator sees.
 *
 * @param requests        completions that ended in the window (a client leaving is not an error)
 * @param errors          how many of them failed, by kind
 * @param ttftP50         time to first token, median, over those that had a first token
 * @param tokensPerSecond completion tokens per second of generation, over finished streams
 */
public record WindowSummary(long requests, Map<FailureKind, Long> errors, Duration ttftP50, Duration ttftP95,
                            Duration ttftP99, double tokensPerSecond) {

    public static final WindowSummary EMPTY =
            new WindowSummary(0, Map.of(), Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);

    public WindowSummary {
        errors = Map.copyOf(errors);
        requireNonNull(ttftP50, "ttftP50");
        requireNonNull(ttftP95, "ttftP95");
        requireNonNull(ttftP99, "ttftP99");
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public double errorRate() {
        return requests == 0 ? 0 : (double) errorCount() / requests;
    }
}
