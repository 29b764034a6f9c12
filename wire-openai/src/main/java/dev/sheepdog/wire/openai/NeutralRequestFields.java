package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.ContentPart;
import dev.sheepdog.domain.model.ResponseFormat;
import dev.sheepdog.domain.model.Tool;
import dev.sheepdog.domain.model.ToolChoice;
import dev.sheepdog.domain.model.ToolUse;
import java.io.IOException;
import java.util.Locale;

/** Writes a neutral request's messages, tools and options in OpenAI's terms (sampling aside). */
final class NeutralRequestFields {

    private NeutralRequestFields() {
    }

    static void write(CompletionRequest request, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("messages");
        for (ChatMessage message : request.messages()) {
            message(message, json);
        }
        json.writeEndArray();
        if (!request.tools().isEmpty()) {
            json.writeArrayFieldStart("tools");
            for (Tool tool : request.tools()) {
                tool(tool, json);
            }
            json.writeEndArray();
        }
        if (request.toolChoice().isPresent()) {
            json.writeFieldName("tool_choice");
            toolChoice(request.toolChoice().get(), json);
        }
        if (request.responseFormat().isPresent()) {
            json.writeFieldName("response_format");
            responseFormat(request.responseFormat().get(), json);
        }
        if (request.reasoningEffort().isPresent()) {
            json.writeStringField("reasoning_effort", request.reasoningEffort().get().name().toLowerCase(Locale.ROOT));
        }
        if (request.user().isPresent()) {
            json.writeStringField("user", request.user().get());
        }
    }

    private static void message(ChatMessage message, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("role", message.role().wireName());
        json.writeFieldName("content");
        content(message, json);
        if (message.name().isPresent()) {
            json.writeStringField("name", message.name().get());
        }
        if (!message.toolUses().isEmpty()) {
            json.writeArrayFieldStart("tool_calls");
            for (ToolUse use : message.toolUses()) {
                json.writeStartObject();
                json.writeStringField("id", use.id());
                json.writeStringField("type", "function");
                json.writeObjectFieldStart("function");
                json.writeStringField("name", use.name());
                json.writeStringField("arguments", use.arguments());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (message.toolCallId().isPresent()) {
            json.writeStringField("tool_call_id", message.toolCallId().get());
        }
        json.writeEndObject();
    }

    // Plain text as a string, as every OpenAI-compatible server accepts; parts only when there are images.
    private static void content(ChatMessage message, JsonGenerator json) throws IOException {
        boolean onlyText = message.content().stream().allMatch(ContentPart.Text.class::isInstance);
        if (onlyText) {
            if (message.content().isEmpty() && !message.toolUses().isEmpty()) {
                json.writeNull(); // an assistant message that only called tools
            } else {
                json.writeString(message.text());
            }
            return;
        }
        json.writeStartArray();
        for (ContentPart part : message.content()) {
            json.writeStartObject();
            switch (part) {
                case ContentPart.Text text -> {
                    json.writeStringField("type", "text");
                    json.writeStringField("text", text.text());
                }
                case ContentPart.Image image -> {
                    json.writeStringField("type", "image_url");
                    json.writeObjectFieldStart("image_url");
                    json.writeStringField("url", image.url());
                    if (image.detail().isPresent()) {
                        json.writeStringField("detail", image.detail().get());
                    }
                    json.writeEndObject();
                }
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void tool(Tool tool, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "function");
        json.writeObjectFieldStart("function");
        json.writeStringField("name", tool.name());
        if (tool.description().isPresent()) {
            json.writeStringField("description", tool.description().get());
        }
        json.writeFieldName("parameters");
        json.writeRawValue(tool.parameters().text());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void toolChoice(ToolChoice choice, JsonGenerator json) throws IOException {
        switch (choice.mode()) {
            case AUTO -> json.writeString("auto");
            case NONE -> json.writeString("none");
            case REQUIRED -> json.writeString("required");
            case NAMED -> {
                json.writeStartObject();
                json.writeStringField("type", "function");
                json.writeObjectFieldStart("function");
                json.writeStringField("name", choice.toolName().orElseThrow());
                json.writeEndObject();
                json.writeEndObject();
            }
        }
    }

    private static void responseFormat(ResponseFormat format, JsonGenerator json) throws IOException {
        json.writeStartObject();
        switch (format.kind()) {
            case TEXT -> json.writeStringField("type", "text");
            case JSON_OBJECT -> json.writeStringField("type", "json_object");
            case JSON_SCHEMA -> {
                json.writeStringField("type", "json_schema");
                json.writeObjectFieldStart("json_schema");
                json.writeStringField("name", format.schemaName().orElse("response"));
                json.writeFieldName("schema");
                json.writeRawValue(format.schema().orElseThrow().text());
                json.writeEndObject();
            }
        }
        json.writeEndObject();
    }
}
