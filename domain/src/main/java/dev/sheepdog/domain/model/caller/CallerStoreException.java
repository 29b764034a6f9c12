package dev.sheepdog.domain.model.caller;

/**
 * The store of client keys or the usage ledger cannot be used: in use by another process, not
 * writable, corrupt, or too slow to answer. The message says what failed and never contains a secret.
 */
public final class CallerStoreException extends RuntimeException {

    public CallerStoreException(String message) {
        super(message);
    }

    public CallerStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
