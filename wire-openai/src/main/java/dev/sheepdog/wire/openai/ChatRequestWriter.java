package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Sampling;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Writes the body of a {@code POST /chat/completions} to an OpenAI-compatible provider. A client that
 * spoke OpenAI's format gets its own request passed on, unknown fields and all, with only the model
 * and the streaming options written anew; any other request is written from its neutral fields.
 * Usage is always asked for, since the gateway counts cost from it.
 */
public final class ChatRequestWriter {

    private static final Set<String> REWRITTEN = Set.of("model", "stream", "stream_options");

    private ChatRequestWriter() {
    }

    public static byte[] write(CompletionRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = ProviderJson.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            // The endpoint may name the model differently from the client.
            json.writeStringField("model", request.model());
            if (request.original().filter(original -> original.in(OpenAiWire.REQUEST)).isPresent()) {
                copyClientFields(request.original().get().text(), json);
            } else {
                NeutralRequestFields.write(request, json);
                writeSampling(request.sampling(), json);
            }
            json.writeBooleanField("stream", request.stream());
            if (request.stream()) {
                json.writeObjectFieldStart("stream_options");
                json.writeBooleanField("include_usage", true);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    // No tree, no re-writing: each field's value is copied as the client's text (numbers, escapes and all).
    private static void copyClientFields(String body, JsonGenerator json) throws IOException {
        try (JsonParser parser = ProviderJson.FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the client's request is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                int start = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                parser.finishToken(); // a string value is read lazily: its end is known only once it is
                if (!REWRITTEN.contains(name)) {
                    json.writeFieldName(name);
                    json.writeRawValue(body, start, (int) parser.currentLocation().getCharOffset() - start);
                }
            }
        }
    }

    private static void writeSampling(Sampling sampling, JsonGenerator json) throws IOException {
        if (sampling.temperature().isPresent()) {
            json.writeNumberField("temperature", sampling.temperature().getAsDouble());
        }
        if (sampling.topP().isPresent()) {
            json.writeNumberField("top_p", sampling.topP().getAsDouble());
        }
        if (sampling.maxTokens().isPresent()) {
            json.writeNumberField("max_tokens", sampling.maxTokens().getAsInt());
        }
        if (!sampling.stop().isEmpty()) {
            json.writeArrayFieldStart("stop");
            for (String stop : sampling.stop()) {
                json.writeString(stop);
            }
            json.writeEndArray();
        }
        if (sampling.seed().isPresent()) {
            json.writeNumberField("seed", sampling.seed().getAsLong());
        }
    }
}
