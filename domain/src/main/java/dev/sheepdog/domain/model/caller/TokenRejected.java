package dev.sheepdog.domain.model.caller;

/** A bearer token that is not a valid user token; the message says why, in words safe to show the caller. */
public final class TokenRejected extends Exception {

    public TokenRejected(String message) {
        super(message);
    }
}
