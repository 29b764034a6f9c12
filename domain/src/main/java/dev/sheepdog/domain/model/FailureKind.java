package dev.sheepdog.domain.model;

/**
 * Why a completion failed. {@code retryable} says whether another key or endpoint may succeed
 * where this one did not, which is what failover before the first token depends on.
 */
public enum FailureKind {
    /** The provider rejected the request itself (400, 422): the caller must change it. */
    INVALID_REQUEST(false),
    /** No endpoint serves the model, or the provider does not know it (404). */
    MODEL_NOT_FOUND(false),
    /** The provider refused the gateway's key (401, 403). */
    UPSTREAM_AUTH(true),
    /** The provider account has no balance left (402). */
    INSUFFICIENT_BALANCE(true),
    /** The provider, or every key of the endpoint, is rate limited (429). */
    RATE_LIMITED(true),
    /** The provider answered 5xx or refused the connection. */
    UPSTREAM_UNAVAILABLE(true),
    /** The endpoint's circuit is open: the attempt was skipped, never sent to the provider. */
    CIRCUIT_OPEN(true),
    /** Connecting to the provider took longer than its deadline. */
    CONNECT_TIMEOUT(true),
    /** No token arrived within the first-token deadline. */
    FIRST_TOKEN_TIMEOUT(true),
    /** The stream stalled between chunks for longer than the idle deadline. */
    IDLE_TIMEOUT(false),
    /** The whole stream ran longer than its deadline. */
    STREAM_TIMEOUT(false),
    /** The provider's stream ended before a finish reason. */
    STREAM_TRUNCATED(false),
    /** The provider sent bytes that are not a valid event stream or chunk. */
    MALFORMED_STREAM(false),
    /** A line or event from the provider was larger than the gateway accepts. */
    EVENT_TOO_LARGE(false),
    /** The provider reported an error inside the stream. */
    UPSTREAM_ERROR(false),
    /** The client left; the stream was closed on its behalf. */
    CANCELLED(false),
    /**
     * The provider refused this one request (403) while it accepts the key, e.g. its moderation:
     * passed on to the caller, and no reason to doubt the key.
     */
    REQUEST_REFUSED(false),
    /** The caller's plan does not include the model. */
    MODEL_NOT_ALLOWED(false),
    /** The caller started as many requests this minute as its plan allows. */
    REQUESTS_PER_MINUTE(false),
    /** The caller used as many tokens this minute as its plan allows. */
    TOKENS_PER_MINUTE(false),
    /** The caller has as many streams open as its plan allows. */
    TOO_MANY_STREAMS(false),
    /** The caller spent its daily or monthly budget. */
    BUDGET_EXCEEDED(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether another key or endpoint may succeed before any token has reached the client. */
    public boolean retryable() {
        return retryable;
    }
}
