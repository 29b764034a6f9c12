package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.Usage;
import java.io.IOException;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes one answer's neutral deltas as OpenAI {@code chat.completion.chunk} JSON (one SSE {@code data:}
 * payload each), for a client whose provider speaks another format. It keeps what OpenAI clients rely
 * on across chunks: the role comes once, in the first chunk, and a tool call's id, type and name only
 * in its first piece. Reasoning goes in {@code delta.reasoning_content}, as DeepSeek, vLLM and LiteLLM
 * send it; the provider's signature of the reasoning in {@code delta.reasoning_signature}, a field of
 * Sheepdog's own, since OpenAI's format has none. One writer per stream; not thread-safe.
 */
public final class ChunkWriter {

    private final String id;
    private final String model;
    private final long created;
    private final BitSet startedCalls = new BitSet();
    private boolean roleSent;

    /**
     * @param id      the completion's id, the same in every chunk (OpenAI's look like {@code chatcmpl-…})
     * @param model   the model the client asked for
     * @param created when the completion began, in seconds since the epoch
     */
    public ChunkWriter(String id, String model, long created) {
        this.id = id;
        this.model = model;
        this.created = created;
    }

    /** A writer for a completion beginning now, with a new random {@code chatcmpl-} id. */
    public static ChunkWriter startingNow(String model) {
        return new ChunkWriter(newCompletionId(), model, Instant.now().getEpochSecond());
    }

    /** A new completion id in OpenAI's style. */
    public static String newCompletionId() {
        return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The chunk for these deltas, or empty when they say nothing a client would see (e.g. only empty text). */
    public Optional<String> chunk(List<Delta> deltas) {
        ChunkDelta delta = ChunkDelta.of(deltas);
        boolean sendsRole = !roleSent;
        if (!sendsRole && !delta.saysAnything()) {
            return Optional.empty();
        }
        roleSent = true;
        return Optional.of(RenderedJson.write(256, json -> {
            head(json);
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            json.writeObjectFieldStart("delta");
            if (sendsRole) {
                json.writeStringField("role", delta.role());
                if (!delta.saysAnything()) {
                    json.writeStringField("content", ""); // as OpenAI's own first chunk
                }
            }
            delta.writeText(json);
            writeToolCalls(json, delta.toolCalls());
            json.writeEndObject();
            json.writeNullField("logprobs");
            json.writeFieldName("finish_reason");
            if (delta.finish().isPresent()) {
                json.writeString(RenderedJson.finishReason(delta.finish().get()));
            } else {
                json.writeNull();
            }
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    /** OpenAI's usage chunk, sent after the last content chunk: {@code "choices": []} and the usage. */
    public String usage(Usage usage) {
        return RenderedJson.write(320, json -> {
            head(json);
            json.writeArrayFieldStart("choices");
            json.writeEndArray();
            RenderedJson.usage(json, usage);
            json.writeEndObject();
        });
    }

    public String id() {
        return id;
    }

    private void head(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", id);
        json.writeStringField("object", "chat.completion.chunk");
        json.writeNumberField("created", created);
        json.writeStringField("model", model);
    }

    private void writeToolCalls(JsonGenerator json, List<Delta.ToolCall> calls) throws IOException {
        if (calls.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("tool_calls");
        for (Delta.ToolCall call : calls) {
            boolean first = !startedCalls.get(call.index());
            startedCalls.set(call.index());
            json.writeStartObject();
            json.writeNumberField("index", call.index());
            if (first && call.id().isPresent()) {
                json.writeStringField("id", call.id().get());
            }
            if (first) {
                json.writeStringField("type", "function");
            }
            json.writeObjectFieldStart("function");
            if (first && call.name().isPresent()) {
                json.writeStringField("name", call.name().get());
            }
            json.writeStringField("arguments", call.arguments());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
