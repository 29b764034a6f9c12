package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A chat completion as a client asked for it. The fields the gateway reasons about are typed;
 * every other field of the request ({@code tools}, {@code response_format}, {@code seed}, ...) is
 * kept opaque in {@code otherFields} so that it reaches the provider untouched.
 *
 * @param stream       whether the client wants the answer as a stream of chunks
 * @param includeUsage whether the client asked for the usage chunk ({@code stream_options.include_usage})
 */
public record CompletionRequest(
        String model,
        List<ChatMessage> messages,
        OptionalDouble temperature,
        OptionalInt maxTokens,
        Optional<String> user,
        boolean stream,
        boolean includeUsage,
        Map<String, RawJson> otherFields) {

    public CompletionRequest {
        requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a completion needs at least one message");
        }
        requireNonNull(temperature, "temperature");
        requireNonNull(maxTokens, "maxTokens");
        if (maxTokens.isPresent() && maxTokens.getAsInt() < 1) {
            throw new IllegalArgumentException("max tokens must be at least 1: " + maxTokens.getAsInt());
        }
        requireNonNull(user, "user");
        otherFields = Map.copyOf(otherFields);
    }

    /** A streaming request with no options: the usual shape in tests and benchmarks. */
    public static CompletionRequest streaming(String model, List<ChatMessage> messages) {
        return new CompletionRequest(model, messages, OptionalDouble.empty(), OptionalInt.empty(),
                Optional.empty(), true, false, Map.of());
    }

    /** The same request for another model id, as an endpoint that names the model differently needs. */
    public CompletionRequest withModel(String otherModel) {
        return new CompletionRequest(otherModel, messages, temperature, maxTokens, user, stream,
                includeUsage, otherFields);
    }

    /** All message text, in order: what a prompt-size estimate or a simulated answer starts from. */
    public String promptText() {
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : messages) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(message.text());
        }
        return text.toString();
    }

    /** The last message the user wrote, or empty when the conversation has none. */
    public Optional<String> lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return Optional.of(messages.get(i).text());
            }
        }
        return Optional.empty();
    }
}
