package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.sheepdog.domain.model.RawJson;
import java.util.Optional;

/** The checks every field of a chat request shares, each failing with OpenAI's words for the problem. */
final class ChatRequestFields {

    // Jackson recycles its buffers per thread by default, and each stream runs on its own virtual
    // thread: every open stream would hold a few kilobytes of them. Numbers are read as written, so
    // a schema's 0.10 goes on as 0.10.
    static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private ChatRequestFields() {
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    static ChatRequestException missing(String param) {
        return new ChatRequestException("Missing required parameter: '" + param + "'.", param,
                "missing_required_parameter");
    }

    static ChatRequestException wrongType(String param, String expected) {
        return new ChatRequestException("Invalid type for '" + param + "': expected " + expected + ".", param,
                "invalid_type");
    }

    static ChatRequestException wrongValue(String param, JsonNode value, String supported) {
        return new ChatRequestException("Invalid value for '" + param + "': " + value + ". Supported values are: "
                + supported + ".", param, "invalid_value");
    }

    static Optional<String> optionalString(JsonNode node, String param) throws ChatRequestException {
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw wrongType(param, "a string");
        }
        return Optional.of(node.asText());
    }

    static String requiredString(JsonNode node, String param) throws ChatRequestException {
        if (absent(node)) {
            throw missing(param);
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw wrongType(param, "a non-empty string");
        }
        return node.asText();
    }

    static JsonNode object(JsonNode node, String param) throws ChatRequestException {
        if (absent(node)) {
            throw missing(param);
        }
        if (!node.isObject()) {
            throw wrongType(param, "an object");
        }
        return node;
    }

    static boolean flag(JsonNode node, String param) throws ChatRequestException {
        if (absent(node)) {
            return false;
        }
        if (!node.isBoolean()) {
            throw wrongType(param, "a boolean");
        }
        return node.asBoolean();
    }

    /** The node as compact JSON text; numbers keep the digits the client wrote (the tree holds them as read). */
    static RawJson raw(JsonNode node) {
        try {
            return new RawJson(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }
}
