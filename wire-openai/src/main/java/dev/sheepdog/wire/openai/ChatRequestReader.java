package dev.sheepdog.wire.openai;

import static dev.sheepdog.wire.openai.ChatRequestFields.absent;
import static dev.sheepdog.wire.openai.ChatRequestFields.flag;
import static dev.sheepdog.wire.openai.ChatRequestFields.optionalString;
import static dev.sheepdog.wire.openai.ChatRequestFields.wrongType;
import static dev.sheepdog.wire.openai.ChatRequestFields.wrongValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.ReasoningEffort;
import dev.sheepdog.domain.model.Verbatim;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an OpenAI {@code POST /v1/chat/completions} body into the neutral {@link CompletionRequest},
 * naming the first thing wrong with it as OpenAI would. Fields it does not type (e.g. {@code seed},
 * {@code logit_bias}, a vendor's own) live only in the request's {@code original}: the body as the
 * client sent it, which an OpenAI-format provider is sent on.
 */
public final class ChatRequestReader {

    private ChatRequestReader() {
    }

    /**
     * @param body the parsed body
     * @param text the same body as the client sent it (UTF-8 decoded): the request's {@code original}
     */
    public static CompletionRequest read(JsonNode body, String text) throws ChatRequestException {
        if (!body.isObject()) {
            throw new ChatRequestException("The request body must be a JSON object.", null, "invalid_type");
        }
        String model = model(body.get("model"));
        var messages = ChatRequestMessages.read(body.get("messages"));
        return new CompletionRequest(model, messages, ChatRequestSampling.read(body),
                ChatRequestTools.tools(body.get("tools")), ChatRequestTools.toolChoice(body.get("tool_choice")),
                ChatRequestTools.responseFormat(body.get("response_format")),
                reasoningEffort(body.get("reasoning_effort")), optionalString(body.get("user"), "user"),
                flag(body.get("stream"), "stream"), includeUsage(body.get("stream_options")),
                Optional.of(new Verbatim(OpenAiWire.REQUEST, text)));
    }

    /** Parses {@code text} first, for a caller that has not: a body that is no JSON fails with {@code invalid_json}. */
    public static CompletionRequest read(String text) throws ChatRequestException {
        JsonNode body;
        try {
            body = ChatRequestFields.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ChatRequestException("The request body is not valid JSON: " + e.getOriginalMessage(), null,
                    "invalid_json");
        }
        if (body == null || body.isMissingNode()) {
            throw new ChatRequestException("The request body is empty: send a JSON object.", null, "invalid_json");
        }
        return read(body, text);
    }

    private static String model(JsonNode node) throws ChatRequestException {
        if (absent(node)) {
            throw ChatRequestFields.missing("model");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw wrongType("model", "a non-empty string");
        }
        return node.asText();
    }

    // OpenAI keeps adding levels ("none", "xhigh"): one the domain has no name for is not typed, and
    // still reaches an OpenAI-format provider in the original body.
    private static Optional<ReasoningEffort> reasoningEffort(JsonNode node) throws ChatRequestException {
        Optional<String> effort = optionalString(node, "reasoning_effort");
        if (effort.isEmpty()) {
            return Optional.empty();
        }
        for (ReasoningEffort known : ReasoningEffort.values()) {
            if (known.name().toLowerCase(Locale.ROOT).equals(effort.get())) {
                return Optional.of(known);
            }
        }
        if (effort.get().isBlank()) {
            throw wrongValue("reasoning_effort", node, "'minimal', 'low', 'medium', 'high'");
        }
        return Optional.empty();
    }

    private static boolean includeUsage(JsonNode node) throws ChatRequestException {
        if (absent(node)) {
            return false;
        }
        if (!node.isObject()) {
            throw wrongType("stream_options", "an object");
        }
        return flag(node.get("include_usage"), "stream_options.include_usage");
    }
}
