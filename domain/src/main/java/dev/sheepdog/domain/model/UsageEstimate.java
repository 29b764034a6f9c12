package dev.sheepdog.domain.model;

/**
 * Counts tokens when the provider did not: a stream the client left has no usage chunk yet, and
 * some providers never send one. OpenAI-compatible providers send about one token per chunk, and
 * English or Vietnamese prompts run about four characters to a token.
 */
public final class UsageEstimate {

    private static final int CHARACTERS_PER_TOKEN = 4;
    // The chat format wraps each message in a few tokens of its own.
    private static final int TOKENS_PER_MESSAGE = 4;

    private UsageEstimate() {
    }

    public static Usage of(CompletionRequest request, int textChunks) {
        long prompt = 0;
        for (ChatMessage message : request.messages()) {
            prompt += TOKENS_PER_MESSAGE
                    + (message.text().codePointCount(0, message.text().length()) + CHARACTERS_PER_TOKEN - 1)
                    / CHARACTERS_PER_TOKEN;
        }
        return Usage.estimated(prompt, textChunks);
    }
}
