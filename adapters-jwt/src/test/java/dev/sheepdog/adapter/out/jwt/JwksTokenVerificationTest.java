package dev.sheepdog.adapter.out.jwt;

import static dev.sheepdog.adapter.out.jwt.Refusals.assertRefused;
import static dev.sheepdog.adapter.out.jwt.Tokens.NOW;
import static dev.sheepdog.adapter.out.jwt.Tokens.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.sheepdog.domain.model.caller.VerifiedUser;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwksTokenVerificationTest {

    private static final RSAKey KEY = Tokens.rsaKey("login-2026");
    private static final ECKey EC_KEY = Tokens.ecKey("login-ec");

    private JwksServer jwks;
    private NimbusUserTokenVerifier verifier;

    @BeforeEach
    void startLogin() throws Exception {
        jwks = new JwksServer(KEY, EC_KEY);
        verifier = new NimbusUserTokenVerifier(
                JwtSettings.jwks(jwks.url(), Tokens.ISSUER, Set.of(Tokens.AUDIENCE, "other-app")),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopLogin() {
        jwks.close();
    }

    @Test
    void acceptsAnRs256TokenAndReadsSubjectAndPlan() throws Exception {
        VerifiedUser user = verifier.verify(Tokens.rs256(KEY, claims().build()));

        assertThat(user).isEqualTo(new VerifiedUser("user-42", Optional.of("pro")));
    }

    @Test
    void acceptsAnEs256Token() throws Exception {
        assertThat(verifier.verify(Tokens.es256(EC_KEY, claims().build())).subject()).isEqualTo("user-42");
    }

    @Test
    void aTokenWithoutAPlanOrWithANonStringPlanHasNone() throws Exception {
        assertThat(verifier.verify(Tokens.rs256(KEY, claims().claim("plan", null).build())).plan()).isEmpty();
        assertThat(verifier.verify(Tokens.rs256(KEY, claims().claim("plan", 3).build())).plan()).isEmpty();
    }

    @Test
    void readsThePlanFromTheConfiguredClaim() throws Exception {
        var tiered = new NimbusUserTokenVerifier(
                JwtSettings.jwks(jwks.url(), Tokens.ISSUER, Set.of(Tokens.AUDIENCE)).withPlanClaim("tier"),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(tiered.verify(Tokens.rs256(KEY, claims().claim("tier", "team").build())).plan()).contains("team");
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        String token = Tokens.rs256(KEY, claims().expirationTime(at(Duration.ofSeconds(-61))).build());

        assertRefused(verifier, token, "The token has expired.");
    }

    @Test
    void refusesATokenNotValidBeforeAMomentBeyondTheLeeway() throws Exception {
        String token = Tokens.rs256(KEY, claims().notBeforeTime(at(Duration.ofSeconds(120))).build());

        assertRefused(verifier, token, "The token is not valid yet (its nbf is in the future).");
    }

    @Test
    void acceptsExpAndNbfWithinTheLeeway() throws Exception {
        String token = Tokens.rs256(KEY, claims()
                .expirationTime(at(Duration.ofSeconds(-30)))
                .notBeforeTime(at(Duration.ofSeconds(30)))
                .build());

        assertThat(verifier.verify(token).subject()).isEqualTo("user-42");
    }

    @Test
    void refusesAnotherIssuer() throws Exception {
        String token = Tokens.rs256(KEY, claims().issuer("https://evil.example.test/").build());

        assertRefused(verifier, token, "The token's issuer is not accepted.");
    }

    @Test
    void refusesAnotherAudienceOrNone() throws Exception {
        assertRefused(verifier, Tokens.rs256(KEY, claims().audience("someone-else").build()),
                "The token's audience is not accepted.");
        assertRefused(verifier, Tokens.rs256(KEY, claims().audience((String) null).build()),
                "The token's audience is not accepted.");
    }

    @Test
    void refusesATokenWithoutASubject() throws Exception {
        assertRefused(verifier, Tokens.rs256(KEY, claims().subject(null).build()),
                "The token lacks the required claim 'sub'.");
    }

    @Test
    void refusesATokenWithoutAnExpiry() throws Exception {
        assertRefused(verifier, Tokens.rs256(KEY, claims().expirationTime(null).build()),
                "The token lacks the required claim 'exp'.");
    }

    @Test
    void refusesASignatureByAnotherKeyUnderTheSameKid() throws Exception {
        String forged = Tokens.rs256(Tokens.rsaKey(KEY.getKeyID()), claims().build());

        assertRefused(verifier, forged, "The token's signature does not verify.");
    }

    @Test
    void refusesAnUnsecuredTokenAlthoughItIsRecognized() {
        String unsecured = Tokens.unsecured(claims().build());

        assertThat(verifier.recognizes(unsecured)).isTrue();
        assertRefused(verifier, unsecured, "The token's algorithm 'none' is not accepted.");
    }

    @Test
    void refusesAnHmacTokenKeyedWithTheRsaPublicKey() throws Exception {
        byte[] publicKeyAsSecret = KEY.toRSAPublicKey().getEncoded();
        String confused = Tokens.hs256(publicKeyAsSecret, KEY.getKeyID(), claims().build());

        assertRefused(verifier, confused, "The token's algorithm 'HS256' is not accepted.");
    }

    @Test
    void refusesAnOversizedTokenWithoutAskingTheJwksUrl() throws Exception {
        String huge = Tokens.rs256(KEY, claims().claim("padding", "x".repeat(100 * 1024)).build());

        assertThat(verifier.recognizes(huge)).isTrue();
        assertRefused(verifier, huge, "The token is larger than 8192 bytes.");
        assertThat(jwks.hits()).isZero();
    }

    @Test
    void refusesWhatIsNotAJwt() {
        assertRefused(verifier, "abc.def.ghi", "The token is not a well-formed JWT.");
    }

    @Test
    void recognizesOnlyTheShapeOfACompactJws() throws Exception {
        assertThat(verifier.recognizes(Tokens.rs256(KEY, claims().build()))).isTrue();
        assertThat(verifier.recognizes("sk-sheepdog-0123456789abcdef")).isFalse();
        assertThat(verifier.recognizes("abc.def.ghi")).as("header is not JSON").isFalse();
        assertThat(verifier.recognizes("e30.e30")).as("two parts").isFalse();
        assertThat(verifier.recognizes("e30.e30.sig.extra")).as("four parts").isFalse();
        assertThat(verifier.recognizes("e30.e3 0.sig")).as("not base64url").isFalse();
        assertThat(jwks.hits()).isZero();
    }

    private static Date at(Duration fromNow) {
        return Date.from(NOW.plus(fromNow));
    }
}
