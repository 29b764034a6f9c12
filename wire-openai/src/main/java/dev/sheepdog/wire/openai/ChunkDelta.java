package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One chunk's deltas sorted into the fields of OpenAI's {@code delta}: text and reasoning joined, tool-call pieces in order. */
final class ChunkDelta {

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final List<Delta.ToolCall> toolCalls = new ArrayList<>(1);
    private Role role = Role.ASSISTANT;
    private String signature;
    private FinishReason finish;

    private ChunkDelta() {
    }

    static ChunkDelta of(List<Delta> deltas) {
        ChunkDelta chunk = new ChunkDelta();
        for (Delta delta : deltas) {
            switch (delta) {
                case Delta.Start start -> chunk.role = start.role();
                case Delta.Text piece -> chunk.text.append(piece.text());
                case Delta.Reasoning piece -> {
                    chunk.reasoning.append(piece.text());
                    piece.signature().ifPresent(signature -> chunk.signature = signature);
                }
                case Delta.ToolCall piece -> chunk.toolCalls.add(piece);
                case Delta.Finish end -> chunk.finish = end.reason();
            }
        }
        return chunk;
    }

    /** Whether a client would see anything beyond the role: text, reasoning, a signature, a tool call or the end. */
    boolean saysAnything() {
        return !text.isEmpty() || !reasoning.isEmpty() || signature != null || !toolCalls.isEmpty() || finish != null;
    }

    String role() {
        return role.wireName();
    }

    List<Delta.ToolCall> toolCalls() {
        return toolCalls;
    }

    Optional<FinishReason> finish() {
        return Optional.ofNullable(finish);
    }

    void writeText(JsonGenerator json) throws IOException {
        if (!text.isEmpty()) {
            json.writeStringField("content", text.toString());
        }
        if (!reasoning.isEmpty()) {
            json.writeStringField("reasoning_content", reasoning.toString());
        }
        if (signature != null) {
            json.writeStringField("reasoning_signature", signature);
        }
    }
}
