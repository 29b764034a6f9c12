package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * When an endpoint's circuit opens, so that requests skip it without a network call, and how it
 * is tried again.
 *
 * @param failureRatePercent the failure rate over the window that opens the circuit
 * @param windowSize         how many of the last calls the rate is computed over
 * @param minimumCalls       calls needed before the rate counts
 * @param openFor            how long the circuit stays open before trial calls are let through
 * @param trialCalls         calls let through while half open to decide whether to close
 */
public record CircuitPolicy(float failureRatePercent, int windowSize, int minimumCalls, Duration openFor,
                            int trialCalls) {

    public static final CircuitPolicy DEFAULT = new CircuitPolicy(50f, 20, 10, Duration.ofSeconds(30), 3);

    public CircuitPolicy {
        if (failureRatePercent <= 0 || failureRatePercent > 100) {
            throw new IllegalArgumentException("the failure rate must be in (0, 100]: " + failureRatePercent);
        }
        if (windowSize < 1 || minimumCalls < 1 || trialCalls < 1) {
            throw new IllegalArgumentException("window size, minimum calls and trial calls must be at least 1");
        }
        requireNonNull(openFor, "openFor");
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("the open duration must be positive");
        }
    }
}
