package dev.sheepdog.wire.openai;

import static dev.sheepdog.wire.openai.ChatRequestFields.absent;
import static dev.sheepdog.wire.openai.ChatRequestFields.object;
import static dev.sheepdog.wire.openai.ChatRequestFields.optionalString;
import static dev.sheepdog.wire.openai.ChatRequestFields.raw;
import static dev.sheepdog.wire.openai.ChatRequestFields.requiredString;
import static dev.sheepdog.wire.openai.ChatRequestFields.wrongType;
import static dev.sheepdog.wire.openai.ChatRequestFields.wrongValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.ResponseFormat;
import dev.sheepdog.domain.model.Tool;
import dev.sheepdog.domain.model.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what a chat request says about tools and the answer's shape: tools, tool_choice, response_format. */
final class ChatRequestTools {

    /** What OpenAI assumes for a function declared without parameters: it takes none. */
    static final RawJson NO_PARAMETERS = new RawJson("{\"type\":\"object\",\"properties\":{}}");

    private ChatRequestTools() {
    }

    // Tools of other types (OpenAI's "custom", a vendor's built-ins) are not typed: they stay in the original body.
    static List<Tool> tools(JsonNode node) throws ChatRequestException {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrongType("tools", "an array of tools");
        }
        List<Tool> tools = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            String param = "tools[" + i + "]";
            JsonNode tool = object(node.get(i), param);
            if (!"function".equals(optionalString(tool.get("type"), param + ".type").orElse("function"))) {
                continue;
            }
            JsonNode function = object(tool.get("function"), param + ".function");
            JsonNode parameters = function.get("parameters");
            if (!absent(parameters) && !parameters.isObject()) {
                throw wrongType(param + ".function.parameters", "a JSON Schema object");
            }
            tools.add(new Tool(requiredString(function.get("name"), param + ".function.name"),
                    optionalString(function.get("description"), param + ".function.description"),
                    absent(parameters) ? NO_PARAMETERS : raw(parameters)));
        }
        return tools;
    }

    static Optional<ToolChoice> toolChoice(JsonNode node) throws ChatRequestException {
        if (absent(node)) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "auto" -> Optional.of(ToolChoice.AUTO);
                case "none" -> Optional.of(ToolChoice.NONE);
                case "required" -> Optional.of(ToolChoice.REQUIRED);
                default -> throw wrongValue("tool_choice", node, "'auto', 'none', 'required'");
            };
        }
        if (!node.isObject()) {
            throw wrongType("tool_choice", "a string or an object");
        }
        // Other kinds of choice (allowed_tools, custom) are not typed: they stay in the original body.
        if (!"function".equals(optionalString(node.get("type"), "tool_choice.type").orElse(null))) {
            return Optional.empty();
        }
        JsonNode function = object(node.get("function"), "tool_choice.function");
        return Optional.of(ToolChoice.named(requiredString(function.get("name"), "tool_choice.function.name")));
    }

    static Optional<ResponseFormat> responseFormat(JsonNode node) throws ChatRequestException {
        if (absent(node)) {
            return Optional.empty();
        }
        object(node, "response_format");
        JsonNode type = node.get("type");
        if (absent(type)) {
            throw ChatRequestFields.missing("response_format.type");
        }
        return switch (type.isTextual() ? type.asText() : "") {
            case "text" -> Optional.of(ResponseFormat.TEXT);
            case "json_object" -> Optional.of(ResponseFormat.JSON_OBJECT);
            case "json_schema" -> Optional.of(jsonSchema(node.get("json_schema")));
            default -> throw wrongValue("response_format.type", type, "'text', 'json_object', 'json_schema'");
        };
    }

    private static ResponseFormat jsonSchema(JsonNode node) throws ChatRequestException {
        object(node, "response_format.json_schema");
        String name = requiredString(node.get("name"), "response_format.json_schema.name");
        return ResponseFormat.jsonSchema(name, raw(object(node.get("schema"), "response_format.json_schema.schema")));
    }
}
