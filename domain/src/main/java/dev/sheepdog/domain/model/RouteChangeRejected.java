package dev.sheepdog.domain.model;

/** An operator's routing change that was not made, and why: nothing changed. */
public final class RouteChangeRejected extends RuntimeException {

    public RouteChangeRejected(String message) {
        super(message, null, false, false);
    }
}
