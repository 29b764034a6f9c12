package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/** Something traffic did to a key that an operator must hear about. */
public record KeyEvent(Kind kind, EndpointId endpoint, String fingerprint, String detail) {

    /** What happened. */
    public enum Kind {
        /** The provider refused the key; it takes no more requests. */
        DISABLED,
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
