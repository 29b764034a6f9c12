package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One step of an answer being written, in no provider's format: who speaks, a piece of text or of
 * reasoning, a piece of a tool call, or why the answer ended. Adapters read these from a provider's
 * wire format and write them into a client's.
 */
public sealed interface Delta {

    /** Whether this delta is a piece of what the model wrote (text, reasoning or a tool call). */
    default boolean written() {
        return false;
    }

    /** The answer's message begins, written by this role (always the assistant so far). */
    record Start(Role role) implements Delta {
        public Start {
            requireNonNull(role, "role");
        }
    }

    /** A piece of the answer's text; may be empty, and may split a character's UTF-16 pair or a grapheme. */
    record Text(String text) implements Delta {
        public Text {
            requireNonNull(text, "text");
        }

        @Override
        public boolean written() {
            return !text.isEmpty();
        }
    }

    /**
     * A piece of the model's reasoning, with the provider's signature of the reasoning when it sends
     * one (a client must send it back with the reasoning for the provider to trust it).
     */
    record Reasoning(String text, Optional<String> signature) implements Delta {
        public Reasoning {
            requireNonNull(text, "text");
            requireNonNull(signature, "signature");
        }

        @Override
        public boolean written() {
            return !text.isEmpty();
        }
    }

    /**
     * A piece of a tool call. The first piece of a call names its id and tool; later pieces carry
     * only fragments of its JSON arguments. Calls are told apart by their index in the answer.
     */
    record ToolCall(int index, Optional<String> id, Optional<String> name, String arguments) implements Delta {
        public ToolCall {
            if (index < 0) {
                throw new IllegalArgumentException("a tool call's index cannot be negative: " + index);
            }
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(arguments, "arguments");
        }

        @Override
        public boolean written() {
            return true;
        }
    }

    /** The answer ended, for this reason. */
    record Finish(FinishReason reason) implements Delta {
        public Finish {
            requireNonNull(reason, "reason");
        }
    }
}
