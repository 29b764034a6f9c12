package dev.sheepdog.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Where a caller falls in [0, 1) for a canary: the same caller always falls at the same point, so
 * they stay on one side while the weight stands still, and raising the weight only moves callers
 * from the primary to the canary. The canary's id salts the point, so each rollout picks its own
 * first users.
 */
public final class StickyPoint {

    private StickyPoint() {
    }

    public static double of(CallerId caller, EndpointId canary) {
        byte[] digest = sha256(canary.value() + '\u0000' + caller.value());
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        // The top 53 bits, as a double in [0, 1) with every value equally likely.
        return (bits >>> 11) * 0x1.0p-53;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
