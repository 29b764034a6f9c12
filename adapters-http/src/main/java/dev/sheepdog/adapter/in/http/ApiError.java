package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.RawJson;
import java.time.Duration;
import java.util.Optional;

/**
 * An error as OpenAI clients expect it: {@code {"error":{"message","type","param","code"}}},
 * with the HTTP status it is sent with before a stream starts, how long to wait before retrying
 * when the gateway knows, and the provider's own error object when it sent one.
 */
record ApiError(int status, String message, String type, String param, String code, Optional<Duration> retryAfter,
                Optional<ProviderSaid> provider) {

    /**
     * The provider's error object (already scrubbed of the key). When it is the answer to the caller's
     * request ({@code isTheAnswer}), it is the error itself and Sheepdog's fields go under {@code sheepdog};
     * otherwise Sheepdog's error is the answer and the provider's object goes under {@code provider}.
     */
    record ProviderSaid(RawJson error, boolean isTheAnswer) {
    }

    ApiError(int status, String message, String type, String param, String code, Optional<Duration> retryAfter) {
        this(status, message, type, param, code, retryAfter, Optional.empty());
    }

    ApiError(int status, String message, String type, String param, String code) {
        this(status, message, type, param, code, Optional.empty());
    }

    static ApiError invalidRequest(String message, String param, String code) {
        return new ApiError(400, message, "invalid_request_error", param, code);
    }

    /** Whole seconds to wait, rounded up: the {@code Retry-After} header's value. */
    Optional<Long> retryAfterSeconds() {
        return retryAfter.map(wait -> (wait.toMillis() + 999) / 1000);
    }

    /** The JSON body, also the {@code data} of an SSE {@code error} event. */
    String toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        Optional<ObjectNode> theirs = provider.flatMap(said -> object(mapper, said.error()));
        ObjectNode ours = mapper.createObjectNode();
        ours.put("message", message);
        ours.put("type", type);
        ours.put("param", param);
        ours.put("code", code);
        if (theirs.isPresent() && provider.orElseThrow().isTheAnswer()) {
            ObjectNode error = root.putObject("error");
            error.setAll(theirs.get());
            // a client reading only the OpenAI fields still finds each of them
            ours.properties().forEach(field -> error.putIfAbsent(field.getKey(), field.getValue()));
            ours.remove("param");
            error.set("sheepdog", ours);
            retryAfterSeconds().ifPresent(seconds -> error.put("retry_after_seconds", seconds));
            return root.toString();
        }
        root.set("error", ours);
        theirs.ifPresent(object -> ours.set("provider", object));
        retryAfterSeconds().ifPresent(seconds -> ours.put("retry_after_seconds", seconds));
        return root.toString();
    }

    private static Optional<ObjectNode> object(ObjectMapper mapper, RawJson json) {
        try {
            JsonNode node = mapper.readTree(json.text());
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
