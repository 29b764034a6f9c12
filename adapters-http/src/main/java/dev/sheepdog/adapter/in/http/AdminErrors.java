package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.KeyChangeRejected;
import dev.sheepdog.domain.model.KeyStoreException;
import io.javalin.http.Context;
import java.util.Locale;

/** The admin API's answers to refused changes: what went wrong, with the status a client can act on. */
final class AdminErrors {

    private AdminErrors() {
    }

    static void rejected(KeyChangeRejected rejected, Context ctx, ObjectMapper mapper) {
        int status = switch (rejected.reason()) {
            case UNKNOWN_ENDPOINT, UNKNOWN_KEY -> 404;
            case DUPLICATE_KEY, WRONG_STATE -> 409;
            case VALIDATION_FAILED -> 422;
        };
        ErrorResponses.send(ctx, new ApiError(status, rejected.getMessage(), "invalid_request_error", null,
                rejected.reason().name().toLowerCase(Locale.ROOT)), mapper);
    }

    static void notStored(KeyStoreException e, Context ctx, ObjectMapper mapper) {
        ErrorResponses.send(ctx, new ApiError(503, "The change was not made: the key store could not be written ("
                + e.getMessage() + ").", "server_error", null, "key_store_unavailable"), mapper);
    }
}
