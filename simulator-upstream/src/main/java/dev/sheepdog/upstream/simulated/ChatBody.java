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
 * A chat completion body, read and checked by wire-openai's reader, and its {@code seed}: a field
 * the neutral request does not carry, which the simulated answer still depends on.
 */
record ChatBody(CompletionRequest request, String seed) {

    // Jackson recycles its buffers per thread by default: every virtual thread (one per stream) would keep its own.
    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build());

    static ChatBody read(byte[] bytes) throws ChatRequestException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new ChatBody(ChatRequestReader.read(text), seedOf(text));
    }

    // The seed's JSON text, as the simulator has always been given it (7 and "7" are two seeds). The
    // reader already refused a body that is not a JSON object, so this second look cannot fail; it is
    // skipped for the many bodies without a seed.
    private static String seedOf(String text) {
        if (!text.contains("\"seed\"")) {
            return "";
        }
        try {
            JsonNode seed = MAPPER.readTree(text).get("seed");
            return seed == null || seed.isNull() ? "" : seed.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a body the reader accepted is JSON", e);
        }
    }
}
