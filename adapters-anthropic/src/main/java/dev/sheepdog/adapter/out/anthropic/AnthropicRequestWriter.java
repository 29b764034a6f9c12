package dev.sheepdog.adapter.out.anthropic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.ResponseFormat;
import dev.sheepdog.domain.model.Sampling;
import dev.sheepdog.domain.model.Tool;
import dev.sheepdog.domain.model.ToolChoice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalInt;

/**
 * Writes a neutral request as a streaming Messages API body. Always {@code stream: true}: a client
 * that wants one whole answer gets it assembled from the events. Throws
 * {@link UntranslatableRequestException} for what Anthropic cannot express (a response format).
 */
final class AnthropicRequestWriter {

    /** The {@code max_tokens} sent when the client set none: the API requires one. */
    static final int DEFAULT_MAX_TOKENS = 4096;
    // Anthropic's temperature runs from 0 to 1, OpenAI's to 2: higher values are clamped to 1.
    private static final double MAX_TEMPERATURE = 1.0;

    // Jackson recycles its buffers per thread by default: every virtual thread (one per stream) would keep its own.
    private final ObjectMapper json = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build());
    private final BlockWriter blocks = new BlockWriter(json);
    private final int defaultMaxTokens;

    AnthropicRequestWriter(int defaultMaxTokens) {
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("the default max_tokens must be at least 1: " + defaultMaxTokens);
        }
        this.defaultMaxTokens = defaultMaxTokens;
    }

    byte[] write(CompletionRequest request) {
        refuseResponseFormat(request);
        Conversation conversation = Conversation.of(request.messages());
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        try (JsonGenerator out = json.getFactory().createGenerator(body)) {
            Sampling sampling = request.sampling();
            OptionalInt budget = ThinkingBudget.of(request.reasoningEffort());
            out.writeStartObject();
            out.writeStringField("model", request.model());
            out.writeNumberField("max_tokens",
                    ThinkingBudget.maxTokens(sampling.maxTokens().orElse(defaultMaxTokens), budget));
            if (conversation.system().isPresent()) {
                out.writeStringField("system", conversation.system().get());
            }
            writeMessages(out, conversation);
            writeTools(out, request);
            if (!sampling.stop().isEmpty()) {
                out.writeArrayFieldStart("stop_sequences");
                for (String stop : sampling.stop()) {
                    out.writeString(stop);
                }
                out.writeEndArray();
            }
            writeSampling(out, sampling, budget);
            if (request.user().isPresent()) {
                out.writeObjectFieldStart("metadata");
                out.writeStringField("user_id", request.user().get());
                out.writeEndObject();
            }
            out.writeBooleanField("stream", true);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body.toByteArray();
    }

    private static void refuseResponseFormat(CompletionRequest request) {
        if (request.responseFormat().filter(format -> format.kind() != ResponseFormat.Kind.TEXT).isPresent()) {
            throw new UntranslatableRequestException("Anthropic endpoints do not support response_format "
                    + "(json_object or json_schema); send the request without it, or to an OpenAI-compatible endpoint");
        }
    }

    private void writeMessages(JsonGenerator out, Conversation conversation) throws IOException {
        out.writeArrayFieldStart("messages");
        for (Conversation.Turn turn : conversation.turns()) {
            out.writeStartObject();
            out.writeStringField("role", turn.role());
            out.writeArrayFieldStart("content");
            for (MessageBlock block : turn.blocks()) {
                blocks.write(out, block);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void writeTools(JsonGenerator out, CompletionRequest request) throws IOException {
        if (request.tools().isEmpty()) {
            return;
        }
        out.writeArrayFieldStart("tools");
        for (Tool tool : request.tools()) {
            out.writeStartObject();
            out.writeStringField("name", tool.name());
            if (tool.description().isPresent()) {
                out.writeStringField("description", tool.description().get());
            }
            out.writeFieldName("input_schema");
            try {
                out.writeTree(json.readTree(tool.parameters().text()));
            } catch (IOException notJson) {
                throw new UntranslatableRequestException("the parameters of tool " + tool.name() + " are not JSON");
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        if (request.toolChoice().isPresent()) {
            ToolChoice choice = request.toolChoice().get();
            out.writeObjectFieldStart("tool_choice");
            out.writeStringField("type", switch (choice.mode()) {
                case AUTO -> "auto";
                case NONE -> "none";
                case REQUIRED -> "any";
                case NAMED -> "tool";
            });
            if (choice.toolName().isPresent()) {
                out.writeStringField("name", choice.toolName().get());
            }
            out.writeEndObject();
        }
    }

    // Extended thinking refuses a changed temperature or top_p, so neither is sent with it.
    private static void writeSampling(JsonGenerator out, Sampling sampling, OptionalInt budget) throws IOException {
        if (budget.isPresent()) {
            out.writeObjectFieldStart("thinking");
            out.writeStringField("type", "enabled");
            out.writeNumberField("budget_tokens", budget.getAsInt());
            out.writeEndObject();
            return;
        }
        if (sampling.temperature().isPresent()) {
            out.writeNumberField("temperature", Math.min(sampling.temperature().getAsDouble(), MAX_TEMPERATURE));
        }
        if (sampling.topP().isPresent()) {
            out.writeNumberField("top_p", sampling.topP().getAsDouble());
        }
    }
}
