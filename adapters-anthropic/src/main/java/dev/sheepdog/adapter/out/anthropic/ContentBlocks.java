package dev.sheepdog.adapter.out.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.Delta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code content_block_start} and {@code content_block_delta} into deltas. Tool calls are
 * numbered in the order their {@code tool_use} blocks start, as a client counts them; text and
 * thinking blocks share the block numbering but take no tool index. Not thread-safe.
 */
final class ContentBlocks {

    // block index -> tool call index
    private final Map<Integer, Integer> toolCalls = new HashMap<>();

    List<Delta> read(JsonNode payload) {
        int block = payload.path("index").asInt(-1);
        if (payload.path("type").asText().equals("content_block_start")) {
            return start(block, payload.path("content_block"));
        }
        return delta(block, payload.path("delta"));
    }

    private List<Delta> start(int block, JsonNode content) {
        String type = content.path("type").asText();
        if (type.equals("tool_use")) {
            int index = toolCalls.size();
            toolCalls.put(block, index);
            return List.of(new Delta.ToolCall(index, text(content, "id"), text(content, "name"), ""));
        }
        if (type.equals("text") && !content.path("text").asText().isEmpty()) {
            return List.of(new Delta.Text(content.path("text").asText()));
        }
        return List.of(); // thinking, redacted_thinking, server tools: their deltas carry what counts
    }

    private List<Delta> delta(int block, JsonNode delta) {
        return switch (delta.path("type").asText()) {
            case "text_delta" -> written(new Delta.Text(delta.path("text").asText()));
            case "thinking_delta" -> written(new Delta.Reasoning(delta.path("thinking").asText(), Optional.empty()));
            case "signature_delta" -> List.of(new Delta.Reasoning("", text(delta, "signature")));
            case "input_json_delta" -> {
                Integer index = toolCalls.get(block);
                String fragment = delta.path("partial_json").asText();
                yield index == null || fragment.isEmpty()
                        ? List.of()
                        : List.of(new Delta.ToolCall(index, Optional.empty(), Optional.empty(), fragment));
            }
            default -> List.of(); // citations_delta and delta types added later
        };
    }

    // An empty piece tells a client nothing.
    private static List<Delta> written(Delta delta) {
        return delta.written() ? List.of(delta) : List.of();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
