package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Requests as the HTTP adapter would hand them to a provider. */
final class Requests {

    static final ChatMessage HELLO = new ChatMessage(Role.USER, "Xin chào",
            new RawJson("{\"role\":\"user\",\"content\":\"Xin chào\"}"));

    private Requests() {
    }

    static CompletionRequest streaming() {
        return CompletionRequest.streaming("deepseek-v3.2", List.of(HELLO));
    }

    static CompletionRequest whole() {
        return new CompletionRequest("deepseek-v3.2", List.of(HELLO), OptionalDouble.empty(), OptionalInt.empty(),
                Optional.empty(), false, false, Map.of());
    }
}
