package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Sampling;
import java.util.List;
import java.util.Optional;

/** Requests as the HTTP adapter would hand them to a provider. */
final class Requests {

    static final ChatMessage HELLO = new ChatMessage(Role.USER, "Xin chào");

    private Requests() {
    }

    static CompletionRequest streaming() {
        return CompletionRequest.streaming("deepseek-v3.2", List.of(HELLO));
    }

    static CompletionRequest whole() {
        return new CompletionRequest("deepseek-v3.2", List.of(HELLO), Sampling.DEFAULT, List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, false, Optional.empty());
    }
}
