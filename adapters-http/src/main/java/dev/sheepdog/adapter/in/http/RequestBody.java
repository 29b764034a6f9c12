package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;

/** Reads a request body as JSON without ever holding more than the configured limit. */
final class RequestBody {

    /** A body parsed, and as the client sent it: the text a provider of the client's format is sent on. */
    record Json(JsonNode tree, String text) {
    }

    private RequestBody() {
    }

    static Json readJson(Context ctx, long maxBytes, ObjectMapper mapper) throws InvalidRequestException {
        byte[] body = read(ctx, maxBytes);
        if (body.length == 0) {
            throw InvalidRequestException.of("The request body is empty: send a JSON object.", null, "invalid_json");
        }
        if (notUtf8(body)) {
            // Jackson would read UTF-16 or UTF-32 too, but the body goes on as UTF-8 text, as JSON must be sent.
            throw InvalidRequestException.of("The request body is not valid JSON: it is not valid UTF-8.", null,
                    "invalid_json");
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidJson.describe(e, body);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes already in memory", e);
        }
        Optional<String> unpaired = UnpairedSurrogates.find(json);
        if (unpaired.isPresent()) {
            // A lone surrogate is no character: no provider can be sent it, and UTF-8 cannot encode it.
            throw InvalidRequestException.of("Invalid '" + unpaired.get() + "': it contains an unpaired UTF-16 "
                    + "surrogate escape (\\ud800 to \\udfff without its pair), which is not a character.",
                    unpaired.get(), "invalid_unicode");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        // A byte order mark is no part of the JSON, and a provider need not expect one.
        return new Json(json, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** A UTF-16 or UTF-32 body: a byte order mark of theirs, or the NUL bytes no UTF-8 JSON has. */
    private static boolean notUtf8(byte[] body) {
        if (body.length >= 2 && ((body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff
                || (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe)) {
            return true;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read(Context ctx, long maxBytes) throws InvalidRequestException {
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
        } catch (IOException | HttpException.RuntimeException e) {
            throw unreadable(ctx);
        }
    }

    /** Jetty fails the read when a body's framing is broken, or when it ends before its declared length. */
    static InvalidRequestException unreadable(Context ctx) {
        String encoding = ctx.header("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return InvalidRequestException.of("The request body could not be read: its chunked transfer encoding "
                    + "is invalid (a chunk size that is not hexadecimal, or a chunk that ends early).", null,
                    "invalid_chunked_body");
        }
        return InvalidRequestException.of("The request body could not be read: it ended before the length its "
                + "Content-Length header declared.", null, "incomplete_body");
    }

    private static InvalidRequestException tooLarge(long maxBytes) {
        return new InvalidRequestException(new ApiError(413,
                "The request body is larger than this gateway's limit of " + maxBytes + " bytes.",
                "invalid_request_error", null, "request_too_large"));
    }
}
