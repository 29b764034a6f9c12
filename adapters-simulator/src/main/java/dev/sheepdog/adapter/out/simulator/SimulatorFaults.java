package dev.sheepdog.adapter.out.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Failures the simulated model injects on purpose, for tests and demos.
 *
 * @param failStatus         answer with this HTTP status instead of a completion (429, 401, 503, ...) ...
 * @param failRate           ... for this share of requests, from 0 to 1
 * @param stallAfterTokens   stop sending after this many tokens, leaving the stream open
 * @param cutAfterTokens     break the stream after this many tokens (a dropped connection over HTTP)
 * @param malformedAfterTokens send a chunk that is not JSON after this many tokens
 * @param errorAfterTokens   send an in-stream error event after this many tokens
 * @param hangBeforeFirstToken never send anything
 * @param keepAliveEvery     send {@code : keep-alive} comments this often while streaming (over HTTP)
 */
public record SimulatorFaults(OptionalInt failStatus, double failRate, OptionalInt stallAfterTokens,
                              OptionalInt cutAfterTokens, OptionalInt malformedAfterTokens,
                              OptionalInt errorAfterTokens, boolean hangBeforeFirstToken,
                              Optional<Duration> keepAliveEvery) {

    public static final SimulatorFaults NONE = new SimulatorFaults(OptionalInt.empty(), 0, OptionalInt.empty(),
            OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), false, Optional.empty());

    public SimulatorFaults {
        requireNonNull(failStatus, "failStatus");
        if (failRate < 0 || failRate > 1) {
            throw new IllegalArgumentException("the failure rate must be between 0 and 1: " + failRate);
        }
        failStatus.ifPresent(status -> {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a simulated failure is an HTTP error status, 400 to 599: " + status);
            }
        });
        requireNonNull(stallAfterTokens, "stallAfterTokens");
        requireNonNull(cutAfterTokens, "cutAfterTokens");
        requireNonNull(malformedAfterTokens, "malformedAfterTokens");
        requireNonNull(errorAfterTokens, "errorAfterTokens");
        requireNonNull(keepAliveEvery, "keepAliveEvery");
    }

    public SimulatorFaults failing(int status, double rate) {
        return new SimulatorFaults(OptionalInt.of(status), rate, stallAfterTokens, cutAfterTokens,
                malformedAfterTokens, errorAfterTokens, hangBeforeFirstToken, keepAliveEvery);
    }

    public SimulatorFaults stallingAfter(int tokens) {
        return new SimulatorFaults(failStatus, failRate, OptionalInt.of(tokens), cutAfterTokens, malformedAfterTokens,
                errorAfterTokens, hangBeforeFirstToken, keepAliveEvery);
    }

    public SimulatorFaults cuttingAfter(int tokens) {
        return new SimulatorFaults(failStatus, failRate, stallAfterTokens, OptionalInt.of(tokens), malformedAfterTokens,
                errorAfterTokens, hangBeforeFirstToken, keepAliveEvery);
    }

    public SimulatorFaults malformedAfter(int tokens) {
        return new SimulatorFaults(failStatus, failRate, stallAfterTokens, cutAfterTokens, OptionalInt.of(tokens),
                errorAfterTokens, hangBeforeFirstToken, keepAliveEvery);
    }

    public SimulatorFaults erroringAfter(int tokens) {
        return new SimulatorFaults(failStatus, failRate, stallAfterTokens, cutAfterTokens, malformedAfterTokens,
                OptionalInt.of(tokens), hangBeforeFirstToken, keepAliveEvery);
    }

    public SimulatorFaults hanging() {
        return new SimulatorFaults(failStatus, failRate, stallAfterTokens, cutAfterTokens, malformedAfterTokens,
                errorAfterTokens, true, keepAliveEvery);
    }

    public SimulatorFaults keepingAliveEvery(Duration every) {
        return new SimulatorFaults(failStatus, failRate, stallAfterTokens, cutAfterTokens, malformedAfterTokens,
                errorAfterTokens, hangBeforeFirstToken, Optional.of(every));
    }
}
