package dev.sheepdog.upstream.simulated;

import static dev.sheepdog.upstream.simulated.InvalidRequestException.of;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads an OpenAI chat completion body into the domain's request. Fields the simulator does not
 * reason about ({@code seed}, {@code tools}, ...) are kept as raw JSON, so the answer still
 * depends on the seed.
 */
final class ChatRequestJson {

    // Jackson recycles its buffers per thread by default: every virtual thread (one per stream) would keep its own.
    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build());
    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "temperature", "max_tokens",
            "max_completion_tokens", "user", "stream", "stream_options");

    private ChatRequestJson() {
    }

    static CompletionRequest read(byte[] body) throws InvalidRequestException {
        JsonNode root = tree(body);
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw of("Missing or invalid 'model': expected a non-empty string.", "model", "invalid_type");
        }
        // Newer SDKs send max_completion_tokens, which means the same to a model without reasoning.
        JsonNode maxTokens = root.get(present(root.get("max_tokens")) ? "max_tokens" : "max_completion_tokens");
        return new CompletionRequest(model.asText(), messages(root.get("messages")),
                temperature(root.get("temperature")), maxTokens(maxTokens), user(root.get("user")),
                flag(root.get("stream"), "stream"), includeUsage(root.get("stream_options")), otherFields(root));
    }

    private static JsonNode tree(byte[] body) throws InvalidRequestException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? ": " + json.getOriginalMessage() : ".";
            throw of("The request body is not valid JSON" + why, null, "invalid_json");
        }
        if (root == null || !root.isObject()) {
            throw of("The request body must be a JSON object.", null, "invalid_type");
        }
        return root;
    }

    private static List<ChatMessage> messages(JsonNode node) throws InvalidRequestException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw of("Missing or invalid 'messages': expected a non-empty array.", "messages", "invalid_type");
        }
        List<ChatMessage> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode message = node.get(i);
            String param = "messages[" + i + "]";
            JsonNode role = message.get("role");
            Optional<Role> known = role != null && role.isTextual() ? Role.fromWireName(role.asText())
                    : Optional.empty();
            if (known.isEmpty()) {
                throw of("Missing or invalid '" + param + ".role'.", param + ".role", "invalid_value");
            }
            String text = text(message.get("content"), param);
            messages.add(new ChatMessage(known.get(), text, new RawJson(message.toString())));
        }
        return messages;
    }

    // Content is a string or an array of parts; only the text parts matter to the simulator.
    private static String text(JsonNode content, String param) throws InvalidRequestException {
        if (!present(content)) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw of("Invalid type for '" + param + ".content': expected a string or an array of content parts.",
                    param + ".content", "invalid_type");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            JsonNode partText = part.get("text");
            if (partText != null && partText.isTextual()) {
                text.append(partText.asText());
            }
        }
        return text.toString();
    }

    private static OptionalDouble temperature(JsonNode node) throws InvalidRequestException {
        if (!present(node)) {
            return OptionalDouble.empty();
        }
        if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 2) {
            throw of("Invalid 'temperature': expected a number from 0 to 2.", "temperature", "invalid_value");
        }
        return OptionalDouble.of(node.asDouble());
    }

    private static OptionalInt maxTokens(JsonNode node) throws InvalidRequestException {
        if (!present(node)) {
            return OptionalInt.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1) {
            throw of("Invalid 'max_tokens': expected an integer of at least 1.", "max_tokens", "invalid_value");
        }
        return OptionalInt.of(node.asInt());
    }

    private static Optional<String> user(JsonNode node) throws InvalidRequestException {
        if (!present(node)) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw of("Invalid type for 'user': expected a string.", "user", "invalid_type");
        }
        return Optional.of(node.asText());
    }

    private static boolean includeUsage(JsonNode node) throws InvalidRequestException {
        if (!present(node)) {
            return false;
        }
        if (!node.isObject()) {
            throw of("Invalid type for 'stream_options': expected an object.", "stream_options", "invalid_type");
        }
        return flag(node.get("include_usage"), "stream_options.include_usage");
    }

    private static boolean flag(JsonNode node, String param) throws InvalidRequestException {
        if (!present(node)) {
            return false;
        }
        if (!node.isBoolean()) {
            throw of("Invalid type for '" + param + "': expected a boolean.", param, "invalid_type");
        }
        return node.asBoolean();
    }

    private static Map<String, RawJson> otherFields(JsonNode root) {
        Map<String, RawJson> others = new LinkedHashMap<>();
        root.properties().forEach(field -> {
            if (!TYPED_FIELDS.contains(field.getKey())) {
                others.put(field.getKey(), new RawJson(field.getValue().toString()));
            }
        });
        return others;
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }
}
