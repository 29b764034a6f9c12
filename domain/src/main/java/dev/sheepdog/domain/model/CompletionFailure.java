package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * A typed failure of a completion.
 *
 * @param message        what went wrong, safe to show a client: never a key or a stack trace
 * @param upstreamStatus the provider's HTTP status, or 0 when the failure did not come from one
 * @param upstreamCode   the provider's own error code, when it sent one (e.g. {@code "context_length_exceeded"})
 * @param retryAfter     how long the provider asked to wait, for {@link FailureKind#RATE_LIMITED}
 * @param providerError  the provider's own error object, a JSON object with every field it sent and the key
 *                       scrubbed out of each, so a client can see what the provider said
 */
public record CompletionFailure(
        FailureKind kind,
        String message,
        int upstreamStatus,
        Optional<String> upstreamCode,
        Optional<Duration> retryAfter,
        Optional<RawJson> providerError) {

    public CompletionFailure {
        requireNonNull(kind, "kind");
        requireNonNull(message, "message");
        requireNonNull(upstreamCode, "upstreamCode");
        requireNonNull(retryAfter, "retryAfter");
        requireNonNull(providerError, "providerError");
    }

    /** A failure without the provider's error object: the gateway's own, or a provider that sent none. */
    public CompletionFailure(FailureKind kind, String message, int upstreamStatus, Optional<String> upstreamCode,
                             Optional<Duration> retryAfter) {
        this(kind, message, upstreamStatus, upstreamCode, retryAfter, Optional.empty());
    }

    public static CompletionFailure of(FailureKind kind, String message) {
        return new CompletionFailure(kind, message, 0, Optional.empty(), Optional.empty());
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
