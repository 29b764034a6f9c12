package dev.sheepdog.domain.model;

/** The state of an endpoint's circuit breaker, as the provider adapter keeps it. */
public enum CircuitState {
    /** Calls go through. */
    CLOSED,
    /** Calls are refused without a network call until the open time is over. */
    OPEN,
    /** A few trial calls go through to decide whether to close again. */
    HALF_OPEN,
    /** The endpoint's adapter keeps no circuit (the simulator). */
    NONE
}
