package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/**
 * One message of a conversation: its role and text for the domain (prompt size, the simulator's
 * answer), and the message exactly as the client sent it, which is what a provider receives.
 */
public record ChatMessage(Role role, String text, RawJson raw) {

    public ChatMessage {
        requireNonNull(role, "role");
        requireNonNull(text, "text");
        requireNonNull(raw, "raw");
    }
}
