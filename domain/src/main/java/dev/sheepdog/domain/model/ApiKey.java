package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A provider API key. The secret is only handed out by {@link #reveal()}, for the one place that
 * puts it in an {@code Authorization} header; everywhere else (logs, errors, the admin API) the key
 * is named by its {@link #fingerprint()}, and {@link #toString()} masks it.
 */
public final class ApiKey {

    /** The absent key of an endpoint that needs none (the simulator). */
    public static final ApiKey NONE = new ApiKey("");

    private final String secret;
    private final String fingerprint;

    private ApiKey(String secret) {
        this.secret = secret;
        this.fingerprint = secret.isEmpty() ? "none" : sha256Prefix(secret);
    }

    public static ApiKey of(String secret) {
        requireNonNull(secret, "secret");
        String trimmed = secret.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("an API key must not be blank");
        }
        return new ApiKey(trimmed);
    }

    /** The secret itself: only for the request header that authenticates with the provider. */
    public String reveal() {
        return secret;
    }

    /** The first 8 hex digits of the secret's SHA-256: stable, short, and useless to an attacker. */
    public String fingerprint() {
        return fingerprint;
    }

    public boolean isNone() {
        return secret.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), key.secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return isNone() ? "ApiKey[none]" : "ApiKey[" + fingerprint + ", ****]";
    }

    private static String sha256Prefix(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
