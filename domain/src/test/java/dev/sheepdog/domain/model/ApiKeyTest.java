package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final String SECRET = "sk-live-0123456789abcdef";

    @Test
    void neverShowsTheSecretInToString() {
        ApiKey key = ApiKey.of(SECRET);

        assertThat(key.toString()).doesNotContain(SECRET).doesNotContain("0123456789").contains(key.fingerprint());
    }

    @Test
    void fingerprintIsTheFirstEightHexDigitsOfTheSecretsSha256() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.UTF_8));

        assertThat(ApiKey.of(SECRET).fingerprint()).isEqualTo(HexFormat.of().formatHex(digest).substring(0, 8));
    }

    @Test
    void revealsTheStrippedSecret() {
        assertThat(ApiKey.of("  " + SECRET + "\n").reveal()).isEqualTo(SECRET);
    }

    @Test
    void keysWithTheSameSecretAreEqual() {
        assertThat(ApiKey.of(SECRET)).isEqualTo(ApiKey.of(SECRET)).hasSameHashCodeAs(ApiKey.of(SECRET));
        assertThat(ApiKey.of(SECRET)).isNotEqualTo(ApiKey.of(SECRET + "x")).isNotEqualTo(ApiKey.NONE);
    }

    @Test
    void rejectsABlankSecret() {
        assertThatThrownBy(() -> ApiKey.of("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noneIsTheAbsentKey() {
        assertThat(ApiKey.NONE.isNone()).isTrue();
        assertThat(ApiKey.NONE.reveal()).isEmpty();
        assertThat(ApiKey.NONE.fingerprint()).isEqualTo("none");
        assertThat(ApiKey.NONE).hasToString("ApiKey[none]");
        assertThat(ApiKey.of(SECRET).isNone()).isFalse();
    }
}
