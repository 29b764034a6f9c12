package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;

/**
 * An error as OpenAI clients expect it: {@code {"error":{"message","type","param","code"}}},
 * with the HTTP status it is sent with before a stream starts, and how long to wait before
 * retrying when the gateway knows.
 */
record ApiError(int status, String message, String type, String param, String code, Optional<Duration> retryAfter) {

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
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        retryAfterSeconds().ifPresent(seconds -> error.put("retry_after_seconds", seconds));
        return root.toString();
    }
}
