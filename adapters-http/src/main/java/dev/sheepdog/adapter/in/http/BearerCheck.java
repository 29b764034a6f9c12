package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;

/**
 * Lets a request through only with the right bearer token, compared in constant time. An address
 * that keeps presenting wrong tokens is refused for a while, right token or not, so that guessing
 * the token is as slow as the limit.
 */
final class BearerCheck implements Handler {

    private final byte[] expectedDigest;
    private final String realm;
    private final ApiError unauthorized;
    private final FailedAttempts failures;
    private final ObjectMapper mapper;

    BearerCheck(String token, String realm, ApiError unauthorized, FailedAttempts failures, ObjectMapper mapper) {
        this.expectedDigest = sha256(token);
        this.realm = realm;
        this.unauthorized = unauthorized;
        this.failures = failures;
        this.mapper = mapper;
    }

    @Override
    public void handle(Context ctx) {
        String address = ctx.req().getRemoteAddr();
        Optional<Duration> blocked = failures.blockedFor(address);
        if (blocked.isPresent()) {
            refuse(ctx, new ApiError(429, "Too many wrong tokens from this address; wait before trying again.",
                    "rate_limit_error", null, "too_many_attempts", blocked));
            return;
        }
        String header = ctx.header("Authorization");
        // An authentication scheme is case-insensitive (RFC 9110, 11.1), as on /v1.
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : "";
        // Comparing digests of equal length keeps the time independent of where the strings differ.
        if (!MessageDigest.isEqual(expectedDigest, sha256(presented))) {
            failures.failed(address);
            ctx.header("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
            refuse(ctx, unauthorized);
        }
    }

    private void refuse(Context ctx, ApiError error) {
        ErrorResponses.send(ctx, error, mapper);
        ctx.skipRemainingHandlers();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
