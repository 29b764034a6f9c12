package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body as JSON without ever holding more than the configured limit. */
final class RequestBody {

    private RequestBody() {
    }

    static JsonNode readJson(Context ctx, long maxBytes, ObjectMapper mapper)
            throws InvalidRequestException, IOException {
        byte[] body = read(ctx, maxBytes);
        if (body.length == 0) {
            throw InvalidRequestException.of("The request body is empty: send a JSON object.", null, "invalid_json");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw InvalidRequestException.of("The request body is not valid JSON" + where + ": " + e.getOriginalMessage(),
                    null, "invalid_json");
        }
    }

    private static byte[] read(Context ctx, long maxBytes) throws InvalidRequestException, IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        }
    }

    private static InvalidRequestException tooLarge(long maxBytes) {
        return new InvalidRequestException(new ApiError(413,
                "The request body is larger than this gateway's limit of " + maxBytes + " bytes.",
                "invalid_request_error", null, "request_too_large"));
    }
}
