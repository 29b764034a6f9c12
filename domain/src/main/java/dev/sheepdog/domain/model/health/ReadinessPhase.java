package dev.sheepdog.domain.model.health;

/** Where an instance is in its life, as far as taking new traffic goes. */
public enum ReadinessPhase {
    /** Listening, perhaps, but still wiring or warming up: no new traffic yet. */
    STARTING,
    /** Takes traffic, degraded or not. */
    READY,
    /** A stop was asked for: open streams finish, new traffic belongs on another instance. */
    DRAINING
}
