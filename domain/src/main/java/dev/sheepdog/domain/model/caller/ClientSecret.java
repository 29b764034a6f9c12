package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a client key: {@code sk-sd-} and 256 random bits, shown once when the key is made
 * and kept only as its SHA-256 hash. A slow password hash buys nothing for a secret this random.
 */
public final class ClientSecret {

    public static final String PREFIX = "sk-sd-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private ClientSecret(String value) {
        this.value = requireNonNull(value, "value");
    }

    public static ClientSecret random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ClientSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public static ClientSecret of(String presented) {
        return new ClientSecret(presented);
    }

    /** Whether a bearer token is meant as a client key, so that a wrong one is refused, never ignored. */
    public static boolean looksLikeOne(String token) {
        return token.startsWith(PREFIX);
    }

    /** The plain secret, for the one time it is shown to whoever made the key. */
    public String reveal() {
        return value;
    }

    /** What the store keeps: the hex SHA-256 of the secret. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The first characters, so that an operator can tell keys apart without their secrets. */
    public String hint() {
        return value.substring(0, Math.min(value.length(), PREFIX.length() + 4)) + "…";
    }

    @Override
    public String toString() {
        return hint();
    }
}
