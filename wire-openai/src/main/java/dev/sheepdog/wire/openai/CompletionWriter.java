package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Usage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * Gathers one answer's neutral deltas into a whole OpenAI {@code chat.completion}, for a client that
 * asked for {@code "stream": false} from a provider that did not answer in OpenAI's format: the text,
 * the reasoning (in {@code reasoning_content}, with {@code reasoning_signature} as {@link ChunkWriter}
 * names it), the tool calls with their argument pieces joined, the finish reason and the usage.
 * One writer per answer; not thread-safe.
 */
public final class CompletionWriter {

    private final String id;
    private final String model;
    private final long created;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final TreeMap<Integer, ToolCallParts> toolCalls = new TreeMap<>();
    private String signature;
    private FinishReason finish;
    private Usage usage;

    /** @see ChunkWriter#ChunkWriter(String, String, long) the same meanings */
    public CompletionWriter(String id, String model, long created) {
        this.id = id;
        this.model = model;
        this.created = created;
    }

    /** A writer for a completion beginning now, with a new random {@code chatcmpl-} id. */
    public static CompletionWriter startingNow(String model) {
        return new CompletionWriter(ChunkWriter.newCompletionId(), model, Instant.now().getEpochSecond());
    }

    /** Adds one chunk's deltas to the answer. */
    public void add(List<Delta> deltas) {
        for (Delta delta : deltas) {
            switch (delta) {
                case Delta.Start start -> {
                    // always the assistant's message
                }
                case Delta.Text piece -> text.append(piece.text());
                case Delta.Reasoning piece -> {
                    reasoning.append(piece.text());
                    piece.signature().ifPresent(found -> signature = found);
                }
                case Delta.ToolCall piece -> toolCalls.computeIfAbsent(piece.index(), index -> new ToolCallParts())
                        .add(piece);
                case Delta.Finish end -> finish = end.reason();
            }
        }
    }

    /** The answer's usage; the last one given counts. */
    public void usage(Usage reported) {
        usage = reported;
    }

    /** The whole {@code chat.completion} JSON of what was added so far. */
    public String write() {
        return RenderedJson.write(512 + text.length() + reasoning.length(), json -> {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeStringField("object", "chat.completion");
            json.writeNumberField("created", created);
            json.writeStringField("model", model);
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            writeMessage(json);
            json.writeNullField("logprobs");
            // A provider that ended without saying why ended normally, as far as anyone can tell.
            json.writeStringField("finish_reason", RenderedJson.finishReason(finish == null ? FinishReason.STOP : finish));
            json.writeEndObject();
            json.writeEndArray();
            if (usage != null) {
                RenderedJson.usage(json, usage);
            }
            json.writeEndObject();
        });
    }

    private void writeMessage(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("message");
        json.writeStringField("role", "assistant");
        // OpenAI's content is null, not empty, in a message that only calls tools.
        if (text.isEmpty() && !toolCalls.isEmpty()) {
            json.writeNullField("content");
        } else {
            json.writeStringField("content", text.toString());
        }
        if (!reasoning.isEmpty()) {
            json.writeStringField("reasoning_content", reasoning.toString());
        }
        if (signature != null) {
            json.writeStringField("reasoning_signature", signature);
        }
        if (!toolCalls.isEmpty()) {
            json.writeArrayFieldStart("tool_calls");
            for (ToolCallParts call : toolCalls.values()) {
                json.writeStartObject();
                json.writeStringField("id", call.id == null ? "" : call.id);
                json.writeStringField("type", "function");
                json.writeObjectFieldStart("function");
                json.writeStringField("name", call.name == null ? "" : call.name);
                json.writeStringField("arguments", call.arguments.toString());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** One tool call's pieces: the first id and name given, the argument fragments joined. */
    private static final class ToolCallParts {
        private final StringBuilder arguments = new StringBuilder();
        private String id;
        private String name;

        void add(Delta.ToolCall piece) {
            if (id == null) {
                id = piece.id().orElse(null);
            }
            if (name == null) {
                name = piece.name().orElse(null);
            }
            arguments.append(piece.arguments());
        }
    }
}
