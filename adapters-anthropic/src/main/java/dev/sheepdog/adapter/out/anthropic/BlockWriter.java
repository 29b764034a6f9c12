package dev.sheepdog.adapter.out.anthropic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.ContentPart;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the content blocks of a turn in the Messages API's shapes. */
final class BlockWriter {

    private static final Pattern DATA_URL = Pattern.compile("data:([^;,]+);base64,(.*)", Pattern.DOTALL);

    private final ObjectMapper json;

    BlockWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(JsonGenerator out, MessageBlock block) throws IOException {
        out.writeStartObject();
        switch (block) {
            case MessageBlock.Text text -> text(out, text.text());
            case MessageBlock.Image image -> image(out, image.image());
            case MessageBlock.ToolUse use -> {
                out.writeStringField("type", "tool_use");
                out.writeStringField("id", use.use().id());
                out.writeStringField("name", use.use().name());
                out.writeFieldName("input");
                out.writeTree(input(use.use().arguments()));
            }
            case MessageBlock.ToolResult result -> toolResult(out, result);
        }
        out.writeEndObject();
    }

    private static void text(JsonGenerator out, String text) throws IOException {
        out.writeStringField("type", "text");
        out.writeStringField("text", text);
    }

    // The image's detail has no counterpart in the Messages API and is dropped.
    private static void image(JsonGenerator out, ContentPart.Image image) throws IOException {
        out.writeStringField("type", "image");
        out.writeObjectFieldStart("source");
        String url = image.url();
        Matcher data = DATA_URL.matcher(url);
        if (data.matches()) {
            out.writeStringField("type", "base64");
            out.writeStringField("media_type", data.group(1));
            out.writeStringField("data", data.group(2));
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            out.writeStringField("type", "url");
            out.writeStringField("url", url);
        } else {
            throw new UntranslatableRequestException(
                    "Anthropic endpoints take images as base64 data: URLs or http(s) URLs only");
        }
        out.writeEndObject();
    }

    // A tool's text result is a plain string; one with images is a list of blocks.
    private void toolResult(JsonGenerator out, MessageBlock.ToolResult result) throws IOException {
        out.writeStringField("type", "tool_result");
        out.writeStringField("tool_use_id", result.toolUseId());
        List<ContentPart> content = result.content();
        if (content.stream().allMatch(ContentPart.Text.class::isInstance)) {
            StringBuilder text = new StringBuilder();
            content.forEach(part -> text.append(((ContentPart.Text) part).text()));
            out.writeStringField("content", text.toString());
            return;
        }
        out.writeArrayFieldStart("content");
        for (ContentPart part : content) {
            if (part instanceof ContentPart.Text text && text.text().isEmpty()) {
                continue;
            }
            write(out, part instanceof ContentPart.Text text
                    ? new MessageBlock.Text(text.text())
                    : new MessageBlock.Image((ContentPart.Image) part));
        }
        out.writeEndArray();
    }

    // The API wants the call's input as an object; arguments a model left empty or broken become {}.
    private JsonNode input(String arguments) {
        if (!arguments.isBlank()) {
            try {
                JsonNode parsed = json.readTree(arguments);
                if (parsed != null && parsed.isObject()) {
                    return parsed;
                }
            } catch (IOException notJson) {
                // falls through to {}
            }
        }
        return json.createObjectNode();
    }
}
