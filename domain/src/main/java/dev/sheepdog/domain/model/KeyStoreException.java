package dev.sheepdog.domain.model;

/**
 * The key store cannot be used: unreadable or corrupt, encrypted with another master key, locked
 * by another process, or not writable. Start-up stops on it rather than run with keys it cannot keep.
 * The message says what to do and never contains a secret.
 */
public final class KeyStoreException extends RuntimeException {

    public KeyStoreException(String message) {
        super(message);
    }

    public KeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
