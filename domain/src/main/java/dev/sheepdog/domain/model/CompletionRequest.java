package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A chat completion as a client asked for it, in no provider's format. A provider that speaks the
 * client's own format takes the client's request from {@code original} (its unknown fields too),
 * with only the model and the streaming options written anew; every other provider is written the
 * typed fields in its own format.
 *
 * @param stream       whether the client wants the answer as a stream of chunks
 * @param includeUsage whether the client asked to be sent the usage at the end of the stream
 * @param original     the request body as the client sent it, tagged with its format
 */
public record CompletionRequest(
        String model,
        List<ChatMessage> messages,
        Sampling sampling,
        List<Tool> tools,
        Optional<ToolChoice> toolChoice,
        Optional<ResponseFormat> responseFormat,
        Optional<ReasoningEffort> reasoningEffort,
        Optional<String> user,
        boolean stream,
        boolean includeUsage,
        Optional<Verbatim> original) {

    public CompletionRequest {
        requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a completion needs at least one message");
        }
        requireNonNull(sampling, "sampling");
        tools = List.copyOf(tools);
        requireNonNull(toolChoice, "toolChoice");
        requireNonNull(responseFormat, "responseFormat");
        requireNonNull(reasoningEffort, "reasoningEffort");
        requireNonNull(user, "user");
        requireNonNull(original, "original");
    }

    /** A streaming request with no options: the usual shape in tests and benchmarks. */
    public static CompletionRequest streaming(String model, List<ChatMessage> messages) {
        return new CompletionRequest(model, messages, Sampling.DEFAULT, List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), true, false, Optional.empty());
    }

    /** The same request for another model id, as an endpoint that names the model differently needs. */
    public CompletionRequest withModel(String otherModel) {
        return new CompletionRequest(otherModel, messages, sampling, tools, toolChoice, responseFormat,
                reasoningEffort, user, stream, includeUsage, original);
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
