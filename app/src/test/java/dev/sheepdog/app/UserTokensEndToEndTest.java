package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Users of the product's own login, with the plans sheepdog.yaml gives them, through the whole gateway. */
@Timeout(60)
class UserTokensEndToEndTest {

    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CallerGateway gateway;

    @BeforeEach
    void start() throws Exception {
        CallerGateway.answerWithUsage(provider, 12, 3);
        Path file = Files.createTempFile("sheepdog-", ".yaml");
        Files.writeString(file, """
                endpoints:
                  - id: holysheep
                    base_url: %s/v1
                    role: primary
                    keys_from_env: [TEST_PROVIDER_KEY]
                access:
                  plans:
                    free: {rpm: 1, daily_usd: 0.05, models: [deepseek-v3.2]}
                    pro: {rpm: 100}
                  jwt:
                    hs256_secret_env: TEST_JWT_SECRET
                    issuer: https://login.writer.test/
                    audience: [writer]
                    default_plan: free
                """.formatted(provider.baseUrl()), StandardCharsets.UTF_8);
        FileConfig config = ConfigFile.read(file, Map.of("TEST_JWT_SECRET", SECRET, "TEST_PROVIDER_KEY", "sk-op-key"),
                StreamDeadlines.DEFAULT);
        gateway = CallerGateway.start(CallerGateway.config(provider, AccessConfig.DEFAULT).withFile(config));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void servesAUserWithinThePlanItsTokenNames() throws Exception {
        String free = token("alice", "free", Instant.now().plus(Duration.ofMinutes(5)));
        String pro = token("bob", "pro", Instant.now().plus(Duration.ofMinutes(5)));

        assertThat(gateway.completeWithKey(free).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = gateway.completeWithKey(free);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(CallerGateway.errorCode(limited)).isEqualTo("rate_limited");
        assertThat(gateway.completeWithKey(pro).statusCode()).isEqualTo(200);
        assertThat(gateway.completeWithKey(pro).statusCode()).isEqualTo(200);
        assertThat(gateway.admin("GET", "/admin/usage?by=account", null).body())
                .contains("\"account\":\"user:alice\"", "\"account\":\"user:bob\"");
    }

    @Test
    void refusesAnExpiredTokenWithItsReason() throws Exception {
        HttpResponse<String> refused = gateway.completeWithKey(
                token("alice", "free", Instant.now().minus(Duration.ofMinutes(5))));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(CallerGateway.errorCode(refused)).isEqualTo("invalid_token");
        assertThat(refused.body()).contains("expired");
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() throws Exception {
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims("mallory", "pro",
                Instant.now().plus(Duration.ofMinutes(5))));
        forged.sign(new MACSigner("another-secret-of-at-least-32-bytes-long"));

        HttpResponse<String> refused = gateway.completeWithKey(forged.serialize());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("signature");
    }

    private static String token(String subject, String plan, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(subject, plan, expires));
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String subject, String plan, Instant expires) {
        return new JWTClaimsSet.Builder().subject(subject).issuer("https://login.writer.test/").audience("writer")
                .expirationTime(Date.from(expires)).claim("plan", plan).build();
    }
}
