package dev.sheepdog.domain.model;

/** Why an answer ended, in the gateway's own terms; each adapter maps its provider's reasons onto these. */
public enum FinishReason {
    /** The model finished, or reached one of the request's stop sequences. */
    STOP,
    /** The answer reached its token limit and was cut off. */
    LENGTH,
    /** The model is waiting for the results of the tool calls it made. */
    TOOL_CALLS,
    /** The provider withheld (part of) the answer by its content policy. */
    CONTENT_FILTER,
    /** A reason the provider gave that has none of the meanings above. */
    OTHER
}
