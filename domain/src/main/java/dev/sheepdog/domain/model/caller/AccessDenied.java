package dev.sheepdog.domain.model.caller;

/**
 * A request whose caller could not be identified, or may not call at all: the message says why and
 * what to do, in words safe to show the caller.
 */
public final class AccessDenied extends Exception {

    /** Why, in a word a client can branch on. */
    public enum Reason {
        /** No credentials, where the gateway needs them. */
        CREDENTIALS_REQUIRED,
        /** A client key that is unknown, revoked, disabled or expired. */
        INVALID_CLIENT_KEY,
        /** A user token that failed verification. */
        INVALID_TOKEN
    }

    private final Reason reason;

    public AccessDenied(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
