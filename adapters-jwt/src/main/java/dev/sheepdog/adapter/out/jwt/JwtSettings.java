package dev.sheepdog.adapter.out.jwt;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How user tokens are checked: where the keys come from (a JWKS URL or a shared HS256 secret),
 * whose tokens are accepted, and the bounds that keep a bad token or a slow key server cheap.
 *
 * @param jwksUrl                the login's JWKS; exactly one of this and {@code hs256Secret}
 * @param hs256Secret            a shared HMAC secret of at least 32 bytes (UTF-8)
 * @param leeway                 clock skew allowed on exp and nbf
 * @param planClaim              the claim whose string value names the caller's plan
 * @param maxTokenBytes          longer tokens are refused before any parsing
 * @param jwksCacheTtl           how long a fetched JWKS is used before it is fetched again
 * @param jwksRefreshMinInterval the rate limit on fetches: at most two (nimbus) per interval, however many unknown kids arrive
 * @param jwksTimeout            connect and read timeout of one fetch
 */
public record JwtSettings(
        Optional<URI> jwksUrl,
        Optional<String> hs256Secret,
        String issuer,
        Set<String> audiences,
        Duration leeway,
        String planClaim,
        int maxTokenBytes,
        Duration jwksCacheTtl,
        Duration jwksRefreshMinInterval,
        Duration jwksTimeout) {

    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(60);
    public static final String DEFAULT_PLAN_CLAIM = "plan";
    public static final int DEFAULT_MAX_TOKEN_BYTES = 8192;
    public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_JWKS_REFRESH_MIN_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_JWKS_TIMEOUT = Duration.ofSeconds(5);
    /** RFC 7518 3.2: an HS256 key must be at least as long as the hash output. */
    public static final int MIN_SECRET_BYTES = 32;

    public JwtSettings {
        requireNonNull(jwksUrl, "jwksUrl");
        requireNonNull(hs256Secret, "hs256Secret");
        if (jwksUrl.isPresent() == hs256Secret.isPresent()) {
            throw new IllegalArgumentException("JWT settings need exactly one of a JWKS URL and an HS256 secret");
        }
        jwksUrl.ifPresent(JwtSettings::requireHttpUrl);
        hs256Secret.ifPresent(JwtSettings::requireLongSecret);
        requireNonNull(issuer, "issuer");
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("JWT settings need the issuer the tokens must name");
        }
        audiences = Set.copyOf(requireNonNull(audiences, "audiences"));
        if (audiences.isEmpty() || audiences.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("JWT settings need at least one accepted audience, none blank");
        }
        requireNonNull(leeway, "leeway");
        if (leeway.isNegative() || leeway.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the JWT leeway must be zero or more seconds, got " + leeway);
        }
        requireNonNull(planClaim, "planClaim");
        if (planClaim.isBlank()) {
            throw new IllegalArgumentException("the JWT plan claim needs a name");
        }
        if (maxTokenBytes < 256) {
            throw new IllegalArgumentException("the JWT size limit must be at least 256 bytes, got " + maxTokenBytes);
        }
        requirePositive(jwksCacheTtl, "jwksCacheTtl");
        requirePositive(jwksRefreshMinInterval, "jwksRefreshMinInterval");
        requirePositive(jwksTimeout, "jwksTimeout");
        if (jwksRefreshMinInterval.compareTo(jwksCacheTtl) >= 0) {
            throw new IllegalArgumentException("the JWKS refresh interval (" + jwksRefreshMinInterval
                    + ") must be shorter than the JWKS cache time (" + jwksCacheTtl + ")");
        }
    }

    /** Tokens signed by a key of the login's JWKS, with every default. */
    public static JwtSettings jwks(URI jwksUrl, String issuer, Set<String> audiences) {
        return new JwtSettings(Optional.of(jwksUrl), Optional.empty(), issuer, audiences, DEFAULT_LEEWAY,
                DEFAULT_PLAN_CLAIM, DEFAULT_MAX_TOKEN_BYTES, DEFAULT_JWKS_CACHE_TTL,
                DEFAULT_JWKS_REFRESH_MIN_INTERVAL, DEFAULT_JWKS_TIMEOUT);
    }

    /** Tokens signed with a secret shared with the login (HS256), with every default. */
    public static JwtSettings hs256(String secret, String issuer, Set<String> audiences) {
        return new JwtSettings(Optional.empty(), Optional.of(secret), issuer, audiences, DEFAULT_LEEWAY,
                DEFAULT_PLAN_CLAIM, DEFAULT_MAX_TOKEN_BYTES, DEFAULT_JWKS_CACHE_TTL,
                DEFAULT_JWKS_REFRESH_MIN_INTERVAL, DEFAULT_JWKS_TIMEOUT);
    }

    public JwtSettings withLeeway(Duration value) {
        return new JwtSettings(jwksUrl, hs256Secret, issuer, audiences, value, planClaim, maxTokenBytes,
                jwksCacheTtl, jwksRefreshMinInterval, jwksTimeout);
    }

    public JwtSettings withPlanClaim(String value) {
        return new JwtSettings(jwksUrl, hs256Secret, issuer, audiences, leeway, value, maxTokenBytes,
                jwksCacheTtl, jwksRefreshMinInterval, jwksTimeout);
    }

    public JwtSettings withJwksTiming(Duration cacheTtl, Duration refreshMinInterval, Duration timeout) {
        return new JwtSettings(jwksUrl, hs256Secret, issuer, audiences, leeway, planClaim, maxTokenBytes,
                cacheTtl, refreshMinInterval, timeout);
    }

    @Override
    public String toString() {
        // The secret never reaches a log line through a settings dump.
        return "JwtSettings[jwksUrl=" + jwksUrl.map(URI::toString).orElse("-")
                + ", hs256Secret=" + hs256Secret.map(s -> "****").orElse("-")
                + ", issuer=" + issuer + ", audiences=" + audiences + ", leeway=" + leeway
                + ", planClaim=" + planClaim + ", maxTokenBytes=" + maxTokenBytes
                + ", jwksCacheTtl=" + jwksCacheTtl + ", jwksRefreshMinInterval=" + jwksRefreshMinInterval
                + ", jwksTimeout=" + jwksTimeout + "]";
    }

    private static void requireHttpUrl(URI url) {
        String scheme = url.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("the JWKS URL must be an http(s) URL, got " + url);
        }
    }

    private static void requireLongSecret(String secret) {
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the HS256 secret must be at least " + MIN_SECRET_BYTES
                    + " bytes long, got " + bytes + " bytes");
        }
    }

    private static void requirePositive(Duration value, String name) {
        requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
