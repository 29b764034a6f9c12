package dev.sheepdog.upstream.simulated;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.wire.openai.ChatRequestException;
import dev.sheepdog.wire.openai.ChatRequestReader;
import java.nio.charset.StandardCharsets;

/**
 * A chat completion body read with wire-openai's reader, and its {@code seed}: a field the neutral
 * request does not carry, which the simulated answer still depends on. The body is parsed once.
 */
record ChatBody(CompletionRequest request, String seed) {

    // Jackson recycles its buffers per thread by default: every virtual thread (one per stream) would keep its own.
    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build());

    static ChatBody read(byte[] bytes) throws ChatRequestException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode body;
        try {
            body = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ChatRequestException("The request body is not valid JSON: " + e.getOriginalMessage(), null,
                    "invalid_json");
        }
        if (body == null || body.isMissingNode()) {
            throw new ChatRequestException("The request body is empty: send a JSON object.", null, "invalid_json");
        }
        CompletionRequest request = ChatRequestReader.read(body, text);
        JsonNode seed = body.get("seed");
        // The seed's JSON text, as the simulator has always been given it: 7 and "7" are different seeds.
        return new ChatBody(request, seed == null || seed.isNull() ? "" : seed.toString());
    }
}
