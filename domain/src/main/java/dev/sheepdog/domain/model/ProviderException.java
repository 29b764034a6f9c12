package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/** A provider call that failed outside a stream, such as listing models; carries the typed failure. */
public final class ProviderException extends RuntimeException {

    private final transient CompletionFailure failure;

    public ProviderException(CompletionFailure failure) {
        super(requireNonNull(failure, "failure").kind() + ": " + failure.message(), null, false, false);
        this.failure = failure;
    }

    public CompletionFailure failure() {
        return failure;
    }
}
