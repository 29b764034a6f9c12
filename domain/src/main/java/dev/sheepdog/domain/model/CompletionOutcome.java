package dev.sheepdog.domain.model;

/** How a completion ended, for the gateway's accounting. */
public enum CompletionOutcome {
    /** The provider finished the answer. */
    COMPLETED,
    /** The provider, or the way to it, failed. */
    FAILED,
    /** The client left before the end; the stream was closed on its behalf. */
    CANCELLED
}
