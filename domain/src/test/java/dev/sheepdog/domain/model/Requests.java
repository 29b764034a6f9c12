package dev.sheepdog.domain.model;

import java.util.List;

/** Builds chat messages and completion requests for tests. */
public final class Requests {

    private Requests() {
    }

    public static ChatMessage message(Role role, String text) {
        return new ChatMessage(role, text);
    }

    public static ChatMessage user(String text) {
        return message(Role.USER, text);
    }

    /** A streaming request with one user message and no options. */
    public static CompletionRequest ask(String model, String userText) {
        return CompletionRequest.streaming(model, List.of(user(userText)));
    }
}
