package dev.sheepdog.adapter.out.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Usage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Writes the simulated model's output in the exact shapes an OpenAI-compatible provider sends. */
final class ChunkJson {

    // Jackson recycles its buffers per thread by default: every virtual thread (one per stream) would keep its own.
    private static final JsonFactory JSON = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
    private static final String FINGERPRINT = "fp_sheepdog_sim";

    private final String id;
    private final String model;
    private final long created;

    ChunkJson(String id, String model, long created) {
        this.id = id;
        this.model = model;
        this.created = created;
    }

    /** A {@code chat.completion.chunk} adding {@code text}; the first one also names the role. */
    RawJson content(String text, boolean first) {
        return write(json -> {
            header(json, "chat.completion.chunk");
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            json.writeObjectFieldStart("delta");
            if (first) {
                json.writeStringField("role", "assistant");
            }
            json.writeStringField("content", text);
            json.writeEndObject();
            json.writeNullField("logprobs");
            json.writeNullField("finish_reason");
            json.writeEndObject();
            json.writeEndArray();
        });
    }

    /** The chunk that ends the answer: an empty delta and the finish reason. */
    RawJson finish(String finishReason) {
        return write(json -> {
            header(json, "chat.completion.chunk");
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            json.writeObjectFieldStart("delta");
            json.writeEndObject();
            json.writeNullField("logprobs");
            json.writeStringField("finish_reason", finishReason);
            json.writeEndObject();
            json.writeEndArray();
        });
    }

    /** The usage-only chunk OpenAI sends last when {@code stream_options.include_usage} is set. */
    RawJson usage(Usage usage) {
        return write(json -> {
            header(json, "chat.completion.chunk");
            json.writeArrayFieldStart("choices");
            json.writeEndArray();
            usageField(json, usage);
        });
    }

    /** A whole non-streaming {@code chat.completion}. */
    RawJson completion(String text, String finishReason, Usage usage) {
        return write(json -> {
            header(json, "chat.completion");
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            json.writeObjectFieldStart("message");
            json.writeStringField("role", "assistant");
            json.writeStringField("content", text);
            json.writeNullField("refusal");
            json.writeEndObject();
            json.writeNullField("logprobs");
            json.writeStringField("finish_reason", finishReason);
            json.writeEndObject();
            json.writeEndArray();
            usageField(json, usage);
        });
    }

    private void header(JsonGenerator json, String object) throws IOException {
        json.writeStringField("id", id);
        json.writeStringField("object", object);
        json.writeNumberField("created", created);
        json.writeStringField("model", model);
        json.writeStringField("system_fingerprint", FINGERPRINT);
    }

    private static void usageField(JsonGenerator json, Usage usage) throws IOException {
        json.writeObjectFieldStart("usage");
        json.writeNumberField("prompt_tokens", usage.promptTokens());
        json.writeNumberField("completion_tokens", usage.completionTokens());
        json.writeNumberField("total_tokens", usage.totalTokens());
        json.writeEndObject();
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static RawJson write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return new RawJson(out.toString());
    }
}
