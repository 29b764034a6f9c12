package dev.sheepdog.wire.openai;

import static dev.sheepdog.wire.openai.ChatRequestFields.absent;
import static dev.sheepdog.wire.openai.ChatRequestFields.missing;
import static dev.sheepdog.wire.openai.ChatRequestFields.object;
import static dev.sheepdog.wire.openai.ChatRequestFields.optionalString;
import static dev.sheepdog.wire.openai.ChatRequestFields.requiredString;
import static dev.sheepdog.wire.openai.ChatRequestFields.wrongType;
import static dev.sheepdog.wire.openai.ChatRequestFields.wrongValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.ContentPart;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.ToolUse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads a chat request's {@code messages}: roles, text and image parts, tool calls and tool results. */
final class ChatRequestMessages {

    private static final String ROLES = Arrays.stream(Role.values())
            .map(role -> "'" + role.wireName() + "'").collect(Collectors.joining(", "));

    private ChatRequestMessages() {
    }

    static List<ChatMessage> read(JsonNode node) throws ChatRequestException {
        if (absent(node)) {
            throw missing("messages");
        }
        if (!node.isArray()) {
            throw wrongType("messages", "an array of messages");
        }
        if (node.isEmpty()) {
            throw new ChatRequestException("Invalid 'messages': empty array. Expected at least one message.",
                    "messages", "empty_array");
        }
        List<ChatMessage> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            messages.add(message(node.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatMessage message(JsonNode node, String param) throws ChatRequestException {
        if (!node.isObject()) {
            throw wrongType(param, "an object");
        }
        JsonNode role = node.get("role");
        if (absent(role)) {
            throw missing(param + ".role");
        }
        Optional<Role> known = role.isTextual() ? Role.fromWireName(role.asText()) : Optional.empty();
        if (known.isEmpty()) {
            throw wrongValue(param + ".role", role, ROLES);
        }
        Optional<String> toolCallId = optionalString(node.get("tool_call_id"), param + ".tool_call_id");
        if (known.get() == Role.TOOL && toolCallId.isEmpty()) {
            // Without it no provider can tell which call this is the result of.
            throw missing(param + ".tool_call_id");
        }
        return new ChatMessage(known.get(), content(node.get("content"), param + ".content"),
                toolUses(node.get("tool_calls"), param + ".tool_calls"), toolCallId,
                optionalString(node.get("name"), param + ".name"));
    }

    private static List<ContentPart> content(JsonNode content, String param) throws ChatRequestException {
        if (absent(content)) {
            return List.of();
        }
        if (content.isTextual()) {
            return content.asText().isEmpty() ? List.of() : List.of(new ContentPart.Text(content.asText()));
        }
        if (!content.isArray()) {
            throw wrongType(param, "a string or an array of content parts");
        }
        List<ContentPart> parts = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            part(content.get(i), param + "[" + i + "]").ifPresent(parts::add);
        }
        return parts;
    }

    // Parts of other types (input_audio, file, refusal, ...) are not typed: they stay in the original body.
    private static Optional<ContentPart> part(JsonNode part, String param) throws ChatRequestException {
        if (!part.isObject()) {
            throw wrongType(param, "a content part object");
        }
        String type = optionalString(part.get("type"), param + ".type").orElse(null);
        if ("image_url".equals(type)) {
            return Optional.of(image(part.get("image_url"), param + ".image_url"));
        }
        JsonNode text = part.get("text");
        if ("text".equals(type) && absent(text)) {
            throw missing(param + ".text");
        }
        if (type == null && absent(text) || type != null && !type.equals("text")) {
            return Optional.empty();
        }
        return Optional.of(new ContentPart.Text(optionalString(text, param + ".text").orElseThrow()));
    }

    private static ContentPart image(JsonNode image, String param) throws ChatRequestException {
        if (image != null && image.isTextual()) {
            // Some clients send the URL itself rather than {"url": ...}; OpenAI's own SDKs never do.
            return new ContentPart.Image(image.asText(), Optional.empty());
        }
        object(image, param);
        return new ContentPart.Image(requiredString(image.get("url"), param + ".url"),
                optionalString(image.get("detail"), param + ".detail"));
    }

    private static List<ToolUse> toolUses(JsonNode calls, String param) throws ChatRequestException {
        if (absent(calls)) {
            return List.of();
        }
        if (!calls.isArray()) {
            throw wrongType(param, "an array of tool calls");
        }
        List<ToolUse> uses = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            String call = param + "[" + i + "]";
            JsonNode node = object(calls.get(i), call);
            JsonNode function = object(node.get("function"), call + ".function");
            JsonNode arguments = function.get("arguments");
            if (absent(arguments)) {
                throw missing(call + ".function.arguments");
            }
            if (!arguments.isTextual()) {
                throw wrongType(call + ".function.arguments", "a string of JSON");
            }
            uses.add(new ToolUse(requiredString(node.get("id"), call + ".id"),
                    requiredString(function.get("name"), call + ".function.name"), arguments.asText()));
        }
        return uses;
    }
}
