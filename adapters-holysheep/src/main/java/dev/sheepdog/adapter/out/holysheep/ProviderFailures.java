package dev.sheepdog.adapter.out.holysheep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns what went wrong with a provider into the domain's typed failures. The HTTP status decides,
 * never the Content-Type: DeepSeek has sent JSON errors as {@code application/octet-stream}.
 */
final class ProviderFailures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProviderFailures() {
    }

    /** A non-2xx answer, from its status, headers and (at most the first few KiB of) its body. */
    static CompletionFailure fromStatus(int status, HttpHeaders headers, byte[] body, ApiKey key, Instant now) {
        Optional<JsonNode> error = errorObject(body);
        Optional<String> code = error.map(e -> e.get("code")).filter(c -> !c.isNull()).map(JsonNode::asText);
        return switch (status) {
            // A refused key's error text may quote the key: never pass it on.
            case 401, 403 -> new CompletionFailure(FailureKind.UPSTREAM_AUTH,
                    "The provider refused the gateway's API key (HTTP " + status + "); the operator must check it.",
                    status, code, Optional.empty());
            case 402 -> new CompletionFailure(FailureKind.INSUFFICIENT_BALANCE,
                    "The provider account has insufficient balance (HTTP 402).", status, code, Optional.empty());
            case 429 -> rateLimited(headers, code, now);
            case 408 -> unavailable("The provider timed out the request (HTTP 408).", status, code);
            default -> status >= 500
                    ? unavailable("The provider is unavailable (HTTP " + status + ").", status, code)
                    : new CompletionFailure(FailureKind.INVALID_REQUEST,
                            Redaction.scrub(message(error, body, status), key), status, code, Optional.empty());
        };
    }

    /** A failure of the connection itself; {@code streaming} says whether chunks had already arrived. */
    static CompletionFailure fromException(Throwable cause, boolean streaming) {
        Throwable root = cause.getCause() != null && !(cause instanceof IOException) ? cause.getCause() : cause;
        if (root instanceof HttpConnectTimeoutException) {
            return CompletionFailure.of(FailureKind.CONNECT_TIMEOUT, "Connecting to the provider timed out.");
        }
        if (streaming) {
            return CompletionFailure.of(FailureKind.STREAM_TRUNCATED,
                    "The provider's stream broke off: " + describe(root) + ".");
        }
        String what = root instanceof ConnectException ? "could not connect" : describe(root);
        return CompletionFailure.of(FailureKind.UPSTREAM_UNAVAILABLE, "The provider is unreachable: " + what + ".");
    }

    private static CompletionFailure rateLimited(HttpHeaders headers, Optional<String> code, Instant now) {
        Optional<Duration> wait = RetryAfter.from(headers, now);
        String message = "The provider is rate limiting requests (HTTP 429)"
                + wait.map(w -> "; retry after " + Math.max(1, (w.toMillis() + 999) / 1000) + " s.").orElse(".");
        return new CompletionFailure(FailureKind.RATE_LIMITED, message, 429, code, wait);
    }

    private static CompletionFailure unavailable(String message, int status, Optional<String> code) {
        return new CompletionFailure(FailureKind.UPSTREAM_UNAVAILABLE, message, status, code, Optional.empty());
    }

    private static Optional<JsonNode> errorObject(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root != null && root.path("error").isObject()) {
                return Optional.of(root.get("error"));
            }
            return root != null && root.isObject() ? Optional.of(root) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static String message(Optional<JsonNode> error, byte[] body, int status) {
        Optional<String> message = error.map(e -> e.get("message")).filter(JsonNode::isTextual).map(JsonNode::asText);
        if (message.isPresent()) {
            return message.get();
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "The provider rejected the request (HTTP " + status + ")."
                : text.substring(0, Math.min(text.length(), 300));
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
