package dev.sheepdog.providers;

import dev.sheepdog.support.http.RetryAfter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RawJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong with a provider into the domain's typed failures. The HTTP status decides,
 * never the Content-Type: DeepSeek has sent JSON errors as {@code application/octet-stream}. The
 * words are Sheepdog's own: an exception's message (the JDK's, a library's) never reaches a client.
 * What the provider wrote is scrubbed later, where every failure leaves the stream ({@link Redaction}).
 */
public final class ProviderFailures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProviderFailures() {
    }

    /** A non-2xx answer, from its status, headers and (at most the first few KiB of) its body. */
    public static CompletionFailure fromStatus(int status, HttpHeaders headers, byte[] body, Instant now) {
        Optional<JsonNode> error = errorObject(body);
        Optional<String> code = error.flatMap(ProviderFailures::code);
        Optional<RawJson> kept = error.map(ProviderFailures::raw);
        return switch (status) {
            case 401, 403 -> new CompletionFailure(FailureKind.UPSTREAM_AUTH,
                    "The provider refused the gateway's API key (HTTP " + status + "); the operator must check it.",
                    status, code, Optional.empty(), kept);
            case 402 -> new CompletionFailure(FailureKind.INSUFFICIENT_BALANCE,
                    "The provider account has insufficient balance (HTTP 402).", status, code, Optional.empty(), kept);
            case 429 -> rateLimited(headers, code, kept, now);
            case 408 -> unavailable("The provider timed out the request (HTTP 408).", status, code, kept);
            default -> status >= 500
                    ? unavailable("The provider is unavailable (HTTP " + status + ").", status, code, kept)
                    : new CompletionFailure(FailureKind.INVALID_REQUEST, message(error, body, status), status, code,
                            Optional.empty(), kept);
        };
    }

    /** The connection failed before the provider's answer began. */
    public static CompletionFailure beforeAnswer(Throwable cause) {
        if (inChain(cause, HttpConnectTimeoutException.class)) {
            return CompletionFailure.of(FailureKind.CONNECT_TIMEOUT, "Connecting to the provider timed out.");
        }
        String why = inChain(cause, ConnectException.class) ? "could not connect"
                : inChain(cause, SSLException.class) ? "the secure connection could not be set up"
                : "the connection closed before the provider answered";
        return CompletionFailure.of(FailureKind.UPSTREAM_UNAVAILABLE, "The provider is unreachable: " + why + ".");
    }

    // The JDK wraps the same failure differently in send() and sendAsync(): look through the whole chain.
    private static boolean inChain(Throwable cause, Class<? extends Throwable> type) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body broke after the headers, {@code bytes} into it: the reason (a reset, the JDK's "chunked
     * transfer encoding, state: READING_LENGTH") says nothing a client can use. Before the first chunk
     * another endpoint may still answer, after it the stream is truncated.
     */
    public static CompletionFailure cutOff(String what, long bytes, boolean chunkSeen) {
        String message = "The provider's " + what + " was cut off after " + bytes + (bytes == 1 ? " byte" : " bytes");
        return chunkSeen
                ? CompletionFailure.of(FailureKind.STREAM_TRUNCATED, message + ".")
                : CompletionFailure.of(FailureKind.UPSTREAM_UNAVAILABLE, message + ", before its first token.");
    }

    private static CompletionFailure rateLimited(HttpHeaders headers, Optional<String> code, Optional<RawJson> kept,
                                                 Instant now) {
        Optional<Duration> wait = RetryAfter.from(headers, now);
        String message = "The provider is rate limiting requests (HTTP 429)"
                + wait.map(w -> "; retry after " + Math.max(1, (w.toMillis() + 999) / 1000) + " s.").orElse(".");
        return new CompletionFailure(FailureKind.RATE_LIMITED, message, 429, code, wait, kept);
    }

    private static CompletionFailure unavailable(String message, int status, Optional<String> code,
                                                 Optional<RawJson> kept) {
        return new CompletionFailure(FailureKind.UPSTREAM_UNAVAILABLE, message, status, code, Optional.empty(), kept);
    }

    /**
     * The provider's error code: {@code error.code} (a string for OpenAI, a number for OpenRouter),
     * or else {@code error.type}, all Anthropic sends ({@code "overloaded_error"}).
     */
    public static Optional<String> code(JsonNode error) {
        Optional<String> code = scalar(error.get("code"));
        return code.isPresent() ? code : scalar(error.get("type"));
    }

    private static Optional<String> scalar(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank()
                ? Optional.of(node.asText()) : Optional.empty();
    }

    // OpenAI and Anthropic: {"error":{...}} (Anthropic adds "type":"error" beside it); vLLM: the object itself.
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

    // Re-written by Jackson, so that no escape sequence can hide a key from the scrubbing.
    private static RawJson raw(JsonNode error) {
        return new RawJson(error.toString());
    }

    private static String message(Optional<JsonNode> error, byte[] body, int status) {
        Optional<String> message = error.map(e -> e.get("message")).filter(m -> m != null && m.isTextual())
                .map(JsonNode::asText).filter(m -> !m.isBlank());
        if (message.isPresent()) {
            return message.get();
        }
        String text = error.isPresent() ? "" : new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "The provider rejected the request (HTTP " + status + ")."
                : text.substring(0, Math.min(text.length(), 300));
    }
}
