package dev.sheepdog.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/** A bearer key for a benchmark target; it shows only its fingerprint, never itself. */
public final class ApiKey {

    /** No key: the request goes out without an {@code Authorization} header (a Sheepdog does not need one). */
    public static final ApiKey NONE = new ApiKey("");

    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /** The key in {@code value}, or {@link #NONE} when it is null or blank. */
    public static ApiKey of(String value) {
        return value == null || value.isBlank() ? NONE : new ApiKey(value.strip());
    }

    /** The first key that is set, in order of preference. */
    public static ApiKey firstOf(String... values) {
        for (String value : values) {
            ApiKey key = of(value);
            if (key.isPresent()) {
                return key;
            }
        }
        return NONE;
    }

    public boolean isPresent() {
        return !secret.isEmpty();
    }

    /** The first 8 hex digits of the key's SHA-256, the way Sheepdog names keys everywhere. */
    public String fingerprint() {
        if (!isPresent()) {
            return "none";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    Optional<String> authorization() {
        return isPresent() ? Optional.of("Bearer " + secret) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secret);
    }

    @Override
    public String toString() {
        return "ApiKey[" + fingerprint() + "]";
    }
}
