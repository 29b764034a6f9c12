package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.support.http.Excerpt;
import java.util.Optional;

/**
 * Reads the error a provider reported inside a stream, in the shapes real providers send, and keeps
 * the provider's error object whole (Groq's {@code failed_generation} and {@code status_code},
 * OpenRouter's {@code metadata}) so that a client sees what the provider said.
 */
final class ErrorReader {

    static final String GENERIC_MESSAGE = "the provider reported an error in the stream";
    private static final int MAX_MESSAGE_CHARS = 500;
    // As much as the adapter reads of an HTTP error body: a larger object is not passed on, its message is.
    private static final int MAX_KEPT_CHARS = 16 * 1024;

    private ErrorReader() {
    }

    /** The error a chunk carries, if any: an {@code error} member, or a whole error object. */
    static Optional<CompletionFailure> in(JsonNode chunk) {
        JsonNode error = chunk.get("error");
        if (error != null && !error.isNull()) {
            // OpenRouter sends {"error":{...}} even beside choices and usage
            return Optional.of(error.isObject()
                    ? failure(error)
                    : failure(error, MissingNode.getInstance(), Optional.empty()));
        }
        if ("error".equals(chunk.path("object").asText())) {
            // vLLM: {"object":"error","message":...,"type":...,"code":400}
            return Optional.of(failure(chunk));
        }
        return Optional.empty();
    }

    /** The error of an {@code event: error}: JSON in any of the shapes above, or plain text. */
    static CompletionFailure inErrorEvent(JsonNode parsedOrNull, String data) {
        if (parsedOrNull != null && parsedOrNull.isObject()) {
            return in(parsedOrNull).orElseGet(() -> failure(parsedOrNull));
        }
        String text = data.strip();
        return failure(text.isEmpty() ? GENERIC_MESSAGE : Excerpt.of(text, MAX_MESSAGE_CHARS),
                Optional.empty(), Optional.empty());
    }

    // Re-written by Jackson, so that no escape sequence can hide a key from the scrubbing downstream.
    private static CompletionFailure failure(JsonNode errorObject) {
        String kept = errorObject.toString();
        return failure(errorObject.path("message"), errorObject.path("code"),
                kept.length() <= MAX_KEPT_CHARS ? Optional.of(new RawJson(kept)) : Optional.empty());
    }

    private static CompletionFailure failure(JsonNode message, JsonNode code, Optional<RawJson> kept) {
        String text = message.isTextual() && !message.asText().isBlank()
                ? Excerpt.of(message.asText(), MAX_MESSAGE_CHARS)
                : GENERIC_MESSAGE;
        // error.code is a string for OpenAI and Azure, a number for OpenRouter and vLLM
        Optional<String> upstreamCode = code.isValueNode() && !code.isNull() && !code.asText().isBlank()
                ? Optional.of(code.asText())
                : Optional.empty();
        return failure(text, upstreamCode, kept);
    }

    private static CompletionFailure failure(String message, Optional<String> code, Optional<RawJson> kept) {
        return new CompletionFailure(FailureKind.UPSTREAM_ERROR, message, 0, code, Optional.empty(), kept);
    }
}
