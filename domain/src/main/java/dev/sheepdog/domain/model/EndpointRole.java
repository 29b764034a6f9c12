package dev.sheepdog.domain.model;

/** What an endpoint does in the routing of traffic. */
public enum EndpointRole {
    /** Takes the users the canary does not take. */
    PRIMARY,
    /** Takes a growing share of users while it proves itself against the primary. */
    CANARY,
    /** Gets a copy of some requests, whose answers are measured and thrown away. */
    SHADOW,
    /** Takes no users of its own; tried when the primary and canary fail. A promoted canary's old primary. */
    STANDBY
}
