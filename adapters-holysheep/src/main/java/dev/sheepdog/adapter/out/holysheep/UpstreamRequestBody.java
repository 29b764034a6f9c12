package dev.sheepdog.adapter.out.holysheep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.RawJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The body sent to the provider: the client's request with its messages and unknown fields
 * written back verbatim, and usage always asked for, since the gateway counts cost from it.
 */
final class UpstreamRequestBody {

    // Jackson recycles its buffers per thread by default: every virtual thread (one per stream) would keep its own.
    private static final JsonFactory JSON = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();

    private UpstreamRequestBody() {
    }

    static byte[] of(CompletionRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("model", request.model());
            json.writeArrayFieldStart("messages");
            for (ChatMessage message : request.messages()) {
                json.writeRawValue(message.raw().text());
            }
            json.writeEndArray();
            if (request.temperature().isPresent()) {
                json.writeNumberField("temperature", request.temperature().getAsDouble());
            }
            if (request.maxTokens().isPresent()) {
                json.writeNumberField("max_tokens", request.maxTokens().getAsInt());
            }
            if (request.user().isPresent()) {
                json.writeStringField("user", request.user().get());
            }
            json.writeBooleanField("stream", request.stream());
            if (request.stream()) {
                json.writeObjectFieldStart("stream_options");
                json.writeBooleanField("include_usage", true);
                json.writeEndObject();
            }
            for (Map.Entry<String, RawJson> field : request.otherFields().entrySet()) {
                json.writeFieldName(field.getKey());
                json.writeRawValue(field.getValue().text());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
