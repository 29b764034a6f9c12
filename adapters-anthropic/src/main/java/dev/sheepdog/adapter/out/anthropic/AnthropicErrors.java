package dev.sheepdog.adapter.out.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.support.http.Excerpt;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads Anthropic's error objects ({@code {"type": "overloaded_error", "message": ...}}), in a stream's
 * {@code error} event or an HTTP error body, into typed failures that keep the object whole.
 */
final class AnthropicErrors {

    static final String GENERIC_MESSAGE = "the provider reported an error in the stream";
    private static final int MAX_MESSAGE_CHARS = 500;
    private static final int MAX_KEPT_CHARS = 16 * 1024;

    private AnthropicErrors() {
    }

    /** The failure an error object stands for; {@code status} is the HTTP status, 0 inside a stream. */
    static CompletionFailure failure(JsonNode error, int status, Optional<Duration> retryAfter) {
        String type = error.path("type").asText("");
        JsonNode message = error.path("message");
        String text = message.isTextual() && !message.asText().isBlank()
                ? Excerpt.of(message.asText(), MAX_MESSAGE_CHARS)
                : GENERIC_MESSAGE;
        // Re-written by Jackson, so that no escape sequence can hide a key from the scrubbing downstream.
        String kept = error.toString();
        return new CompletionFailure(kind(type), text, status, type.isBlank() ? Optional.empty() : Optional.of(type),
                retryAfter, kept.length() <= MAX_KEPT_CHARS ? Optional.of(new RawJson(kept)) : Optional.empty());
    }

    /** A stream's error event whose data is not an error object: its text is all there is. */
    static CompletionFailure unreadable(String data) {
        String text = data.strip();
        return CompletionFailure.of(FailureKind.UPSTREAM_ERROR,
                text.isEmpty() ? GENERIC_MESSAGE : Excerpt.of(text, MAX_MESSAGE_CHARS));
    }

    // overloaded_error is retryable so that failover happens before the first token.
    static FailureKind kind(String type) {
        return switch (type) {
            case "overloaded_error" -> FailureKind.UPSTREAM_UNAVAILABLE;
            case "rate_limit_error" -> FailureKind.RATE_LIMITED;
            case "authentication_error", "permission_error" -> FailureKind.UPSTREAM_AUTH;
            case "invalid_request_error", "request_too_large" -> FailureKind.INVALID_REQUEST;
            case "not_found_error" -> FailureKind.MODEL_NOT_FOUND;
            case "billing_error" -> FailureKind.INSUFFICIENT_BALANCE;
            default -> FailureKind.UPSTREAM_ERROR; // api_error and any type added later
        };
    }
}
