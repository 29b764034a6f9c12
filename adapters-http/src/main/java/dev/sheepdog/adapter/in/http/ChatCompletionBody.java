package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.InvalidRequestException.of;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads an OpenAI chat completion request body into the domain's request, naming the first thing wrong with it. */
final class ChatCompletionBody {

    private static final Set<String> TYPED_FIELDS =
            Set.of("model", "messages", "temperature", "max_tokens", "user", "stream", "stream_options");
    private static final String ROLES = Arrays.stream(Role.values())
            .map(role -> "'" + role.wireName() + "'").collect(Collectors.joining(", "));

    // Not JsonNode.toString(): Jackson's internal writer keeps its buffers per thread, and each stream
    // runs on its own virtual thread, so every open stream would hold a few kilobytes of them.
    private static final ObjectWriter RAW = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build()).writer();

    private ChatCompletionBody() {
    }

    static CompletionRequest toDomain(JsonNode body) throws InvalidRequestException {
        if (!body.isObject()) {
            throw of("The request body must be a JSON object.", null, "invalid_type");
        }
        String model = model(body.get("model"));
        List<ChatMessage> messages = messages(body.get("messages"));
        return new CompletionRequest(model, messages, temperature(body.get("temperature")),
                maxTokens(body.get("max_tokens")), user(body.get("user")), flag(body.get("stream"), "stream"),
                includeUsage(body.get("stream_options")), otherFields(body));
    }

    private static String model(JsonNode node) throws InvalidRequestException {
        if (absent(node)) {
            throw of("Missing required parameter: 'model'.", "model", "missing_required_parameter");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw of("Invalid type for 'model': expected a non-empty string.", "model", "invalid_type");
        }
        return node.asText();
    }

    private static List<ChatMessage> messages(JsonNode node) throws InvalidRequestException {
        if (absent(node)) {
            throw of("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
        }
        if (!node.isArray()) {
            throw of("Invalid type for 'messages': expected an array of messages.", "messages", "invalid_type");
        }
        if (node.isEmpty()) {
            throw of("Invalid 'messages': empty array. Expected at least one message.", "messages", "empty_array");
        }
        List<ChatMessage> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            messages.add(message(node.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatMessage message(JsonNode node, String param) throws InvalidRequestException {
        if (!node.isObject()) {
            throw of("Invalid type for '" + param + "': expected an object.", param, "invalid_type");
        }
        JsonNode role = node.get("role");
        if (absent(role)) {
            throw of("Missing required parameter: '" + param + ".role'.", param + ".role", "missing_required_parameter");
        }
        Optional<Role> known = role.isTextual() ? Role.fromWireName(role.asText()) : Optional.empty();
        if (known.isEmpty()) {
            throw of("Invalid value for '" + param + ".role': " + role + ". Supported values are: " + ROLES + ".",
                    param + ".role", "invalid_value");
        }
        return new ChatMessage(known.get(), text(node.get("content"), param + ".content"), raw(node));
    }

    private static String text(JsonNode content, String param) throws InvalidRequestException {
        if (absent(content)) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw of("Invalid type for '" + param + "': expected a string or an array of content parts.",
                    param, "invalid_type");
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
        if (absent(node)) {
            return OptionalDouble.empty();
        }
        if (!node.isNumber()) {
            throw of("Invalid type for 'temperature': expected a number.", "temperature", "invalid_type");
        }
        double value = node.asDouble();
        if (value < 0 || value > 2) {
            throw of("Invalid 'temperature': " + node + " is outside the range 0 to 2.", "temperature", "invalid_value");
        }
        return OptionalDouble.of(value);
    }

    private static OptionalInt maxTokens(JsonNode node) throws InvalidRequestException {
        if (absent(node)) {
            return OptionalInt.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw of("Invalid type for 'max_tokens': expected an integer.", "max_tokens", "invalid_type");
        }
        if (node.asInt() < 1) {
            throw of("Invalid 'max_tokens': " + node + " is less than the minimum of 1.", "max_tokens", "invalid_value");
        }
        return OptionalInt.of(node.asInt());
    }

    private static Optional<String> user(JsonNode node) throws InvalidRequestException {
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw of("Invalid type for 'user': expected a string.", "user", "invalid_type");
        }
        return Optional.of(node.asText());
    }

    private static boolean includeUsage(JsonNode node) throws InvalidRequestException {
        if (absent(node)) {
            return false;
        }
        if (!node.isObject()) {
            throw of("Invalid type for 'stream_options': expected an object.", "stream_options", "invalid_type");
        }
        return flag(node.get("include_usage"), "stream_options.include_usage");
    }

    private static boolean flag(JsonNode node, String param) throws InvalidRequestException {
        if (absent(node)) {
            return false;
        }
        if (!node.isBoolean()) {
            throw of("Invalid type for '" + param + "': expected a boolean.", param, "invalid_type");
        }
        return node.asBoolean();
    }

    private static Map<String, RawJson> otherFields(JsonNode body) {
        Map<String, RawJson> others = new LinkedHashMap<>();
        body.properties().forEach(field -> {
            if (!TYPED_FIELDS.contains(field.getKey())) {
                others.put(field.getKey(), raw(field.getValue()));
            }
        });
        return others;
    }

    private static RawJson raw(JsonNode node) {
        try {
            return new RawJson(RAW.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }
}
