package dev.sheepdog.bench;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one request measured, in nanoseconds from just before it was sent.
 *
 * @param target     the index of its target in the plan
 * @param error      empty for a completed stream, else its type: {@code http_<status>}, {@code stream_error},
 *                   {@code truncated}, {@code timeout} or {@code connection}
 * @param ttftNanos  time to the first chunk with text in {@code delta.content}; empty if none came
 * @param totalNanos time to {@code [DONE]} (or the end of the body, or the failure)
 * @param tokens     {@code usage.completion_tokens} when reported, else the number of chunks with text
 */
public record RequestResult(int target, Optional<String> error, OptionalLong ttftNanos, long totalNanos,
                            long tokens) {

    public static final String STREAM_ERROR = "stream_error";
    public static final String TRUNCATED = "truncated";
    public static final String TIMEOUT = "timeout";
    public static final String CONNECTION = "connection";

    public RequestResult {
        requireNonNull(error, "error");
        requireNonNull(ttftNanos, "ttftNanos");
        if (totalNanos < 0 || tokens < 0) {
            throw new IllegalArgumentException("times and tokens are never negative");
        }
    }

    public static RequestResult completed(int target, OptionalLong ttftNanos, long totalNanos, long tokens) {
        return new RequestResult(target, Optional.empty(), ttftNanos, totalNanos, tokens);
    }

    public static RequestResult failed(int target, String error, long totalNanos) {
        return new RequestResult(target, Optional.of(error), OptionalLong.empty(), totalNanos, 0);
    }

    public static String httpError(int status) {
        return "http_" + status;
    }

    public boolean succeeded() {
        return error.isEmpty();
    }
}
