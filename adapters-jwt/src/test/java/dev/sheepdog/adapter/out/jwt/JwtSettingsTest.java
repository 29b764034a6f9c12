package dev.sheepdog.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtSettingsTest {

    private static final URI JWKS = URI.create("https://login.example.test/.well-known/jwks.json");
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void hasSensibleDefaults() {
        JwtSettings settings = JwtSettings.jwks(JWKS, "iss", Set.of("sheepdog"));

        assertThat(settings.leeway()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.planClaim()).isEqualTo("plan");
        assertThat(settings.maxTokenBytes()).isEqualTo(8192);
        assertThat(settings.jwksCacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.jwksRefreshMinInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.jwksTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void needsExactlyOneKeySource() {
        assertThatThrownBy(() -> new JwtSettings(Optional.of(JWKS), Optional.of(SECRET), "iss", Set.of("a"),
                Duration.ZERO, "plan", 8192, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JWT settings need exactly one of a JWKS URL and an HS256 secret");
        assertThatThrownBy(() -> new JwtSettings(Optional.empty(), Optional.empty(), "iss", Set.of("a"),
                Duration.ZERO, "plan", 8192, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5)))
                .hasMessage("JWT settings need exactly one of a JWKS URL and an HS256 secret");
    }

    @Test
    void refusesAShortSecretWithoutShowingIt() {
        assertThatThrownBy(() -> JwtSettings.hs256("too-short-secret", "iss", Set.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the HS256 secret must be at least 32 bytes long, got 16 bytes");
    }

    @Test
    void needsAnIssuerAndAnAudience() {
        assertThatThrownBy(() -> JwtSettings.jwks(JWKS, " ", Set.of("a")))
                .hasMessage("JWT settings need the issuer the tokens must name");
        assertThatThrownBy(() -> JwtSettings.jwks(JWKS, "iss", Set.of()))
                .hasMessage("JWT settings need at least one accepted audience, none blank");
    }

    @Test
    void needsAnHttpJwksUrl() {
        assertThatThrownBy(() -> JwtSettings.jwks(URI.create("file:///etc/jwks.json"), "iss", Set.of("a")))
                .hasMessage("the JWKS URL must be an http(s) URL, got file:///etc/jwks.json");
    }

    @Test
    void needsTheRefreshIntervalShorterThanTheCacheTime() {
        JwtSettings settings = JwtSettings.jwks(JWKS, "iss", Set.of("a"));

        assertThatThrownBy(() -> settings.withJwksTiming(Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(5)))
                .hasMessage("the JWKS refresh interval (PT30S) must be shorter than the JWKS cache time (PT30S)");
    }

    @Test
    void masksTheSecretWhenPrinted() {
        assertThat(JwtSettings.hs256(SECRET, "iss", Set.of("a")).toString())
                .doesNotContain(SECRET)
                .contains("hs256Secret=****");
    }
}
