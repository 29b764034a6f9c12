package dev.sheepdog.upstream.simulated;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.sheepdog.domain.model.CompletionFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * An error as OpenAI sends it, {@code {"error":{"message","type","param","code"}}}, with its HTTP
 * status and, for a rate limit, how long to wait.
 */
record OpenAiError(int status, String message, String type, String param, String code,
                   Optional<Duration> retryAfter) {

    OpenAiError(int status, String message, String type, String param, String code) {
        this(status, message, type, param, code, Optional.empty());
    }

    static OpenAiError invalidRequest(String message, String param, String code) {
        return new OpenAiError(400, message, "invalid_request_error", param, code);
    }

    static OpenAiError notFound(String path) {
        return new OpenAiError(404, "Unknown request URL: " + path + ".", "invalid_request_error", null,
                "unknown_url");
    }

    static OpenAiError methodNotAllowed(String method, String path) {
        return new OpenAiError(405, "Method " + method + " is not allowed on " + path + ".",
                "invalid_request_error", null, "method_not_allowed");
    }

    static OpenAiError invalidKey() {
        return new OpenAiError(401, "Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key");
    }

    /** The simulator's typed failure as the provider would have put it on the wire. */
    static OpenAiError from(CompletionFailure failure) {
        int status = failure.upstreamStatus() > 0 ? failure.upstreamStatus() : 500;
        // OpenAI's own types: "requests" for a rate limit, "server_error" for 5xx and in-stream errors.
        String type = status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error";
        return new OpenAiError(status, failure.message(), type, null, failure.upstreamCode().orElse(null),
                failure.retryAfter());
    }

    /** The JSON body, also the {@code data} of an SSE {@code error} event. */
    String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return root.toString();
    }

    /** Answers the exchange with this error and ends it. */
    void send(HttpExchange exchange) throws IOException {
        byte[] body = toJson().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        retryAfter.ifPresent(wait -> {
            exchange.getResponseHeaders().set("Retry-After", Long.toString((wait.toMillis() + 999) / 1000));
            exchange.getResponseHeaders().set("retry-after-ms", Long.toString(wait.toMillis()));
        });
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
