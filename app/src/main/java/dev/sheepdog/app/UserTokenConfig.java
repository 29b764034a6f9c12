package dev.sheepdog.app;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How the product's user tokens are checked: keys from a JWKS URL, or a shared HS256 secret read
 * from the environment variable the file names.
 */
public record UserTokenConfig(Optional<URI> jwksUrl, Optional<String> hs256Secret, String issuer,
                              Set<String> audiences, Duration leeway, String planClaim) {

    public UserTokenConfig {
        requireNonNull(jwksUrl, "jwksUrl");
        requireNonNull(hs256Secret, "hs256Secret");
        requireNonNull(issuer, "issuer");
        audiences = Set.copyOf(audiences);
        requireNonNull(leeway, "leeway");
        requireNonNull(planClaim, "planClaim");
    }

    @Override
    public String toString() {
        return "UserTokenConfig[jwksUrl=" + jwksUrl + ", hs256Secret=" + (hs256Secret.isPresent() ? "****" : "none")
                + ", issuer=" + issuer + ", audiences=" + audiences + "]";
    }
}
