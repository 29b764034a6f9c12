package dev.sheepdog.support.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a document with AES-256-GCM under a key derived from the master key with PBKDF2, into a JSON
 * envelope {@code {"version","algorithm","kdf","iterations","salt","iv","ciphertext"}}; the version is the
 * sealed document's, so that a reader can tell the format before it opens it.
 */
public final class MasterKeyCipher {

    public static final String ALGORITHM = "AES-256-GCM";
    public static final String KDF = "PBKDF2WithHmacSHA256";
    public static final String CIPHERTEXT = "ciphertext";
    // ~60 ms warm, ~210 ms in a cold JVM on the build machine; each file records its own count.
    public static final int ITERATIONS = 100_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final Set<String> FIELDS =
            Set.of("version", "algorithm", "kdf", "iterations", "salt", "iv", CIPHERTEXT);
    private static final byte[] AAD = "sheepdog-keystore-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private record DerivedKey(byte[] salt, int iterations, SecretKey key) {
        boolean derivedWith(byte[] otherSalt, int otherIterations) {
            return iterations == otherIterations && Arrays.equals(salt, otherSalt);
        }
    }

    private final char[] masterKey;
    private final SecureRandom random = new SecureRandom();
    // Derived once and reused for every save: a save then costs one AES pass, not a key derivation.
    private DerivedKey derived;

    /** @throws IllegalArgumentException when the master key is blank: a blank key would seal nothing worth sealing */
    public MasterKeyCipher(String masterKey) {
        if (masterKey.isBlank()) {
            throw new IllegalArgumentException("the master key is blank");
        }
        this.masterKey = masterKey.toCharArray();
    }

    /** Whether this document is an envelope this cipher sealed, rather than a plain document. */
    public static boolean isSealed(JsonNode document) {
        return document.has(CIPHERTEXT);
    }

    /** The envelope of {@code plaintext}, marked with {@code version}, the format version of what it seals. */
    public synchronized ObjectNode seal(int version, byte[] plaintext) {
        if (derived == null) {
            derived = derive(randomBytes(SALT_BYTES), ITERATIONS);
        }
        byte[] iv = randomBytes(IV_BYTES);
        byte[] sealed = encrypt(iv, plaintext);
        Base64.Encoder base64 = Base64.getEncoder();
        return JsonNodeFactory.instance.objectNode()
                .put("version", version)
                .put("algorithm", ALGORITHM)
                .put("kdf", KDF)
                .put("iterations", derived.iterations())
                .put("salt", base64.encodeToString(derived.salt()))
                .put("iv", base64.encodeToString(iv))
                .put(CIPHERTEXT, base64.encodeToString(sealed));
    }

    /** The document inside; {@link AEADBadTagException} when it was sealed under another master key. */
    public synchronized byte[] open(JsonNode envelope) throws MalformedEnvelope, AEADBadTagException {
        requireOnlyKnownFields(envelope);
        require(envelope, "algorithm", ALGORITHM);
        require(envelope, "kdf", KDF);
        JsonNode iterations = envelope.path("iterations");
        if (!iterations.isIntegralNumber() || !iterations.canConvertToInt()
                || iterations.intValue() < 1 || iterations.intValue() > MAX_ITERATIONS) {
            throw new MalformedEnvelope("\"iterations\" is not a whole number from 1 to " + MAX_ITERATIONS);
        }
        byte[] salt = base64(envelope, "salt");
        byte[] iv = base64(envelope, "iv");
        byte[] sealed = base64(envelope, CIPHERTEXT);
        if (salt.length < SALT_BYTES || iv.length != IV_BYTES || sealed.length < TAG_BITS / 8) {
            throw new MalformedEnvelope("the salt, iv or ciphertext is too short");
        }
        DerivedKey candidate = derived != null && derived.derivedWith(salt, iterations.intValue())
                ? derived : derive(salt, iterations.intValue());
        byte[] plaintext = crypt(candidate, Cipher.DECRYPT_MODE, iv, sealed);
        derived = candidate;
        return plaintext;
    }

    /** Refuses fields it does not know; names none, as one might be a secret. */
    private static void requireOnlyKnownFields(JsonNode envelope) throws MalformedEnvelope {
        for (Map.Entry<String, JsonNode> field : envelope.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                throw new MalformedEnvelope("the encrypted document has a field other than "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
    }

    private byte[] encrypt(byte[] iv, byte[] plaintext) {
        try {
            return crypt(derived, Cipher.ENCRYPT_MODE, iv, plaintext);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("encrypting never checks a tag", e);
        }
    }

    private static byte[] crypt(DerivedKey key, int mode, byte[] iv, byte[] input) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(AAD);
            return cipher.doFinal(input);
        } catch (AEADBadTagException wrongKey) {
            throw wrongKey;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-GCM", e);
        }
    }

    private DerivedKey derive(byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(masterKey, salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            return new DerivedKey(salt, iterations, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + KDF, e);
        } finally {
            spec.clearPassword();
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void require(JsonNode envelope, String field, String expected) throws MalformedEnvelope {
        if (!expected.equals(envelope.path(field).asText(null))) {
            throw new MalformedEnvelope("\"" + field + "\" is not " + expected + ", the only one this Sheepdog reads");
        }
    }

    private static byte[] base64(JsonNode envelope, String field) throws MalformedEnvelope {
        JsonNode value = envelope.get(field);
        try {
            if (value != null && value.isTextual()) {
                return Base64.getDecoder().decode(value.textValue());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same message: the text itself is not worth quoting
        }
        throw new MalformedEnvelope("\"" + field + "\" is missing or not base64");
    }
}
