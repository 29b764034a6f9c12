package dev.sheepdog.providers.circuit;

import dev.sheepdog.domain.model.CompletionFailure;

/** What a circuit breaker is told a failed call was: a failure that says the endpoint is unhealthy. */
final class UnhealthyEndpointException extends RuntimeException {

    UnhealthyEndpointException(CompletionFailure failure) {
        // No stack trace: it is a record for the breaker's window, never thrown.
        super(failure.kind() + ": " + failure.message(), null, false, false);
    }
}
