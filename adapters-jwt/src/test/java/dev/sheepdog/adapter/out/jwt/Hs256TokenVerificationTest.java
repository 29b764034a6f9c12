package dev.sheepdog.adapter.out.jwt;

import static dev.sheepdog.adapter.out.jwt.Refusals.assertRefused;
import static dev.sheepdog.adapter.out.jwt.Tokens.NOW;
import static dev.sheepdog.adapter.out.jwt.Tokens.claims;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.VerifiedUser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Hs256TokenVerificationTest {

    private static final String SECRET = "a-shared-login-secret-of-32-bytes!!";

    private final NimbusUserTokenVerifier verifier = new NimbusUserTokenVerifier(
            JwtSettings.hs256(SECRET, Tokens.ISSUER, Set.of(Tokens.AUDIENCE)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsATokenSignedWithTheSharedSecret() throws Exception {
        String token = Tokens.hs256(bytes(SECRET), null, claims().build());

        assertThat(verifier.verify(token)).isEqualTo(new VerifiedUser("user-42", Optional.of("pro")));
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() throws Exception {
        String token = Tokens.hs256(bytes("another-secret-also-32-bytes-long!!"), null, claims().build());

        assertRefused(verifier, token, "The token's signature does not verify.");
    }

    @Test
    void refusesAnRs256Token() throws Exception {
        String token = Tokens.rs256(Tokens.rsaKey("login"), claims().build());

        assertRefused(verifier, token, "The token's algorithm 'RS256' is not accepted.");
    }

    @Test
    void checksTheClaimsAsWithAJwks() throws Exception {
        assertRefused(verifier, Tokens.hs256(bytes(SECRET), null, claims().issuer("someone").build()),
                "The token's issuer is not accepted.");
        assertRefused(verifier, Tokens.hs256(bytes(SECRET), null, claims().subject(null).build()),
                "The token lacks the required claim 'sub'.");
        assertRefused(verifier, Tokens.unsecured(claims().build()), "The token's algorithm 'none' is not accepted.");
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
