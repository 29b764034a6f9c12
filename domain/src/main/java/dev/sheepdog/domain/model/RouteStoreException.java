package dev.sheepdog.domain.model;

/** The route store cannot be used: unreadable, or not writable. The message says what to do. */
public final class RouteStoreException extends RuntimeException {

    public RouteStoreException(String message) {
        super(message);
    }

    public RouteStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
