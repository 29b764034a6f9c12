package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/** An operator's key change that was not made, and why; nothing changed. The message holds no secret. */
public final class KeyChangeRejected extends RuntimeException {

    /** Why the change was refused. */
    public enum Reason {
        UNKNOWN_ENDPOINT,
        UNKNOWN_KEY,
        DUPLICATE_KEY,
        /** The provider refused the new key, or could not be asked in time. */
        VALIDATION_FAILED,
        /** The key is in a state the change does not apply to. */
        WRONG_STATE
    }

    private final Reason reason;

    public KeyChangeRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
