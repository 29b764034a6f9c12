package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What a completion stream hands out, one at a time: chunks, usage, then an end or a failure. */
public sealed interface CompletionEvent {

    /** True for the last event of a stream: {@link End} or {@link Failed}. */
    default boolean terminal() {
        return false;
    }

    /**
     * One chunk from the provider: its JSON exactly as sent (forwarded to the client unchanged),
     * the text it adds to the answer, and the finish reason when it carries one. A non-streaming
     * completion arrives as a single chunk whose JSON is the whole {@code chat.completion}.
     */
    record Chunk(RawJson json, String text, Optional<String> finishReason) implements CompletionEvent {
        public Chunk {
            requireNonNull(json, "json");
            requireNonNull(text, "text");
            requireNonNull(finishReason, "finishReason");
        }
    }

    /**
     * The completion's usage. When the provider sent it in a chunk of its own (OpenAI's
     * {@code choices: []} chunk), that chunk is kept so it can be forwarded to a client that asked
     * for it; when it rode on a content chunk (DeepSeek), that chunk was already a {@link Chunk}.
     */
    record UsageReport(Usage usage, Optional<RawJson> usageOnlyChunk) implements CompletionEvent {
        public UsageReport {
            requireNonNull(usage, "usage");
            requireNonNull(usageOnlyChunk, "usageOnlyChunk");
        }
    }

    /** The completion ended normally. */
    record End() implements CompletionEvent {
        @Override
        public boolean terminal() {
            return true;
        }
    }

    /** The completion failed; nothing follows. */
    record Failed(CompletionFailure failure) implements CompletionEvent {
        public Failed {
            requireNonNull(failure, "failure");
        }

        @Override
        public boolean terminal() {
            return true;
        }
    }
}
