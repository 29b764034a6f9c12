package dev.sheepdog.adapter.out.simulator;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** The failures the simulated model injects in process, as the domain's typed failures. */
final class SimulatedFailures {

    /** How long a simulated 429 asks the client to wait. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private SimulatedFailures() {
    }

    /** The answer to a request the simulator refuses with an HTTP status, as a provider would have sent it. */
    static CompletionFailure forStatus(int status) {
        String message = "The simulated provider answered HTTP " + status + ".";
        FailureKind kind = switch (status) {
            case 401, 403 -> FailureKind.UPSTREAM_AUTH;
            case 402 -> FailureKind.INSUFFICIENT_BALANCE;
            case 429 -> FailureKind.RATE_LIMITED;
            default -> status >= 500 || status == 408 ? FailureKind.UPSTREAM_UNAVAILABLE : FailureKind.INVALID_REQUEST;
        };
        return new CompletionFailure(kind, message, status, Optional.of("simulated_" + status),
                kind == FailureKind.RATE_LIMITED ? Optional.of(RETRY_AFTER) : Optional.empty());
    }

    /** The failure injected at this position of a stream, if one is due there. */
    static Optional<CompletionEvent> after(SimulatorFaults faults, int position) {
        if (due(faults.cutAfterTokens(), position)) {
            return failed(FailureKind.STREAM_TRUNCATED, "The simulated provider cut the stream.");
        }
        if (due(faults.malformedAfterTokens(), position)) {
            return failed(FailureKind.MALFORMED_STREAM, "The simulated provider sent a chunk that is not JSON.");
        }
        if (due(faults.errorAfterTokens(), position)) {
            return Optional.of(new CompletionEvent.Failed(new CompletionFailure(FailureKind.UPSTREAM_ERROR,
                    "The simulated provider reported an error in the stream.", 0, Optional.of("simulated_error"),
                    Optional.empty())));
        }
        return Optional.empty();
    }

    private static boolean due(OptionalInt afterTokens, int position) {
        return afterTokens.isPresent() && afterTokens.getAsInt() == position;
    }

    private static Optional<CompletionEvent> failed(FailureKind kind, String message) {
        return Optional.of(new CompletionEvent.Failed(CompletionFailure.of(kind, message)));
    }
}
