package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** What a completion stream hands out, one at a time: chunks, usage, then an end or a failure. */
public sealed interface CompletionEvent {

    /** True for the last event of a stream: {@link End} or {@link Failed}. */
    default boolean terminal() {
        return false;
    }

    /**
     * One piece of the answer, as the provider sent it in one go: its {@link Delta}s, and, when the
     * provider's format is one a client may speak too, the provider's own bytes, so that such a client
     * gets them unchanged. Every other client gets the deltas written in its own format.
     */
    record Chunk(List<Delta> deltas, Optional<Verbatim> original) implements CompletionEvent {
        public Chunk {
            deltas = List.copyOf(deltas);
            requireNonNull(original, "original");
        }

        /** A chunk of deltas that no client receives verbatim. */
        public static Chunk of(Delta... deltas) {
            return new Chunk(List.of(deltas), Optional.empty());
        }

        /** The answer text this chunk adds, joined. */
        public String text() {
            StringBuilder text = new StringBuilder();
            for (Delta delta : deltas) {
                if (delta instanceof Delta.Text piece) {
                    text.append(piece.text());
                }
            }
            return text.toString();
        }

        /** Whether the chunk carries anything the model wrote: text, reasoning or a piece of a tool call. */
        public boolean written() {
            for (Delta delta : deltas) {
                if (delta.written()) {
                    return true;
                }
            }
            return false;
        }

        /** Why the answer ended, when this chunk says so. */
        public Optional<FinishReason> finishReason() {
            for (Delta delta : deltas) {
                if (delta instanceof Delta.Finish finish) {
                    return Optional.of(finish.reason());
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The completion's usage. When the provider sent it in a piece of its own, in a format a client
     * may speak too, those bytes come along so that such a client can get them as they are.
     */
    record UsageReport(Usage usage, Optional<Verbatim> original) implements CompletionEvent {
        public UsageReport {
            requireNonNull(usage, "usage");
            requireNonNull(original, "original");
        }

        public static UsageReport of(Usage usage) {
            return new UsageReport(usage, Optional.empty());
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
