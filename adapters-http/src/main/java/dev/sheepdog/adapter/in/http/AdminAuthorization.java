package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Lets a request into {@code /admin} only with the right bearer token, compared in constant time. */
final class AdminAuthorization implements Handler {

    private static final ApiError UNAUTHORIZED = new ApiError(401,
            "The admin API needs 'Authorization: Bearer <SHEEPDOG_ADMIN_TOKEN>'.", "unauthorized", null,
            "invalid_admin_token");

    private final byte[] expectedDigest;
    private final ObjectMapper mapper;

    AdminAuthorization(String token, ObjectMapper mapper) {
        this.expectedDigest = sha256(token);
        this.mapper = mapper;
    }

    @Override
    public void handle(Context ctx) {
        String header = ctx.header("Authorization");
        String presented = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
        // Comparing digests of equal length keeps the time independent of where the strings differ.
        if (!MessageDigest.isEqual(expectedDigest, sha256(presented))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"sheepdog-admin\"");
            ErrorResponses.send(ctx, UNAUTHORIZED, mapper);
            ctx.skipRemainingHandlers();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
