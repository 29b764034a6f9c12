package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/** Something traffic did to a key that an operator must hear about. */
public record KeyEvent(Kind kind, EndpointId endpoint, String fingerprint, String detail) {

    /** What happened. */
    public enum Kind {
        /** The provider refused the key; it takes no more requests. */
        DISABLED,
        /** A completion was refused (401/403) and {@code GET /models} refused the key too: it is disabled. */
        REFUSAL_CONFIRMED,
        /** A completion was refused (401/403) but the provider accepts the key: the request was refused, not the key. */
        REFUSAL_NOT_CONFIRMED,
        /** A completion was refused (401/403) and the key could not be checked: it stays, the attempt moves on. */
        REFUSAL_UNVERIFIED,
        /** The provider rate limited the key; it rests for a while. */
        COOLING,
        /** A key rotated in was refused during its probation: the key it replaced is active again. */
        ROLLED_BACK,
        /** A retiring key carried its last stream, or its grace ran out: it left the pool and the store. */
        RETIRED
    }

    public KeyEvent {
        requireNonNull(kind, "kind");
        requireNonNull(endpoint, "endpoint");
        requireNonNull(fingerprint, "fingerprint");
        requireNonNull(detail, "detail");
    }
}
