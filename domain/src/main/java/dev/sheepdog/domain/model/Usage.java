package dev.sheepdog.domain.model;

/**
 * Tokens a completion consumed. {@code promptTokens} counts every input token, those read from or
 * written to the provider's prompt cache included; {@code cacheReadTokens} and {@code cacheWriteTokens}
 * say how many of them were, since a provider bills those at other rates. {@code reasoningTokens} is
 * the part of {@code completionTokens} the model spent reasoning. {@code estimated} is true when the
 * provider never reported usage (the client left early, or the provider does not send it) and the
 * gateway counted for itself.
 */
public record Usage(long promptTokens, long completionTokens, long cacheReadTokens, long cacheWriteTokens,
                    long reasoningTokens, boolean estimated) {

    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || cacheReadTokens < 0 || cacheWriteTokens < 0
                || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        if (cacheReadTokens + cacheWriteTokens > promptTokens) {
            throw new IllegalArgumentException("cached prompt tokens (" + cacheReadTokens + " read, "
                    + cacheWriteTokens + " written) cannot exceed the prompt's " + promptTokens);
        }
        if (reasoningTokens > completionTokens) {
            throw new IllegalArgumentException("reasoning tokens (" + reasoningTokens
                    + ") cannot exceed the completion's " + completionTokens);
        }
    }

    /** Usage without prompt caching or a reasoning count. */
    public Usage(long promptTokens, long completionTokens, boolean estimated) {
        this(promptTokens, completionTokens, 0, 0, 0, estimated);
    }

    public static Usage reported(long promptTokens, long completionTokens) {
        return new Usage(promptTokens, completionTokens, false);
    }

    public static Usage estimated(long promptTokens, long completionTokens) {
        return new Usage(promptTokens, completionTokens, true);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    /** The prompt tokens neither read from nor written to a cache: billed at the plain input rate. */
    public long uncachedPromptTokens() {
        return promptTokens - cacheReadTokens - cacheWriteTokens;
    }
}
