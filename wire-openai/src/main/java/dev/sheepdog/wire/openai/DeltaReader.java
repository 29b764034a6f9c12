package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one choice of a chunk ({@code delta}) or of a completion ({@code message}) into neutral deltas. */
final class DeltaReader {

    private DeltaReader() {
    }

    /** The deltas of {@code message} (a chunk's delta or a completion's message), then the choice's finish. */
    static List<Delta> deltas(JsonNode message, JsonNode choice) {
        List<Delta> deltas = new ArrayList<>(2);
        String role = ProviderJson.text(message.get("role"));
        if (role != null) {
            deltas.add(new Delta.Start(Role.fromWireName(role).orElse(Role.ASSISTANT)));
        }
        // DeepSeek and most others say reasoning_content; OpenRouter says reasoning
        String reasoning = ProviderJson.text(message.get("reasoning_content"));
        if (reasoning == null) {
            reasoning = ProviderJson.text(message.get("reasoning"));
        }
        if (reasoning != null) {
            deltas.add(new Delta.Reasoning(reasoning, Optional.empty()));
        }
        String content = ProviderJson.text(message.get("content"));
        if (content != null) {
            deltas.add(new Delta.Text(content));
        }
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            for (int i = 0; i < toolCalls.size(); i++) {
                deltas.add(toolCall(toolCalls.get(i), i));
            }
        }
        finishReason(choice).ifPresent(reason -> deltas.add(new Delta.Finish(reason)));
        return deltas;
    }

    /** The choice's finish reason in the domain's terms, when it has one. */
    static Optional<FinishReason> finishReason(JsonNode choice) {
        String reason = ProviderJson.text(choice.get("finish_reason"));
        if (reason == null) {
            return Optional.empty();
        }
        return Optional.of(switch (reason) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        });
    }

    // A streamed call's later pieces carry only its index and an arguments fragment; a whole message's calls no index.
    private static Delta.ToolCall toolCall(JsonNode call, int position) {
        JsonNode index = call.get("index");
        JsonNode function = call.path("function");
        JsonNode arguments = function.get("arguments");
        return new Delta.ToolCall(index != null && index.canConvertToInt() && index.asInt() >= 0 ? index.asInt() : position,
                Optional.ofNullable(ProviderJson.text(call.get("id"))),
                Optional.ofNullable(ProviderJson.text(function.get("name"))),
                arguments != null && arguments.isTextual() ? arguments.asText() : "");
    }
}
