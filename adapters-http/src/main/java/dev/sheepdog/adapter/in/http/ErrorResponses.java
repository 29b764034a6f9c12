package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Sends an {@link ApiError} as a plain HTTP response, before any stream has started. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static void send(Context ctx, ApiError error, ObjectMapper mapper) {
        ctx.status(error.status());
        error.retryAfter().ifPresent(wait -> {
            ctx.header("Retry-After", String.valueOf(error.retryAfterSeconds().orElseThrow()));
            ctx.header("retry-after-ms", String.valueOf(wait.toMillis()));
        });
        ctx.contentType("application/json");
        ctx.result(error.toJson(mapper));
    }
}
