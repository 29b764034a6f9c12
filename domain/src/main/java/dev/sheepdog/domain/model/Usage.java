package dev.sheepdog.domain.model;

/**
 * Tokens a completion consumed. {@code estimated} is true when the provider never reported usage
 * (the client left early, or the provider does not send it) and the gateway counted for itself.
 */
public record Usage(long promptTokens, long completionTokens, boolean estimated) {

    public Usage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
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
}
