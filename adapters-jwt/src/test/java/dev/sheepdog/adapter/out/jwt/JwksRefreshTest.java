package dev.sheepdog.adapter.out.jwt;

import static dev.sheepdog.adapter.out.jwt.Refusals.assertRefused;
import static dev.sheepdog.adapter.out.jwt.Tokens.NOW;
import static dev.sheepdog.adapter.out.jwt.Tokens.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class JwksRefreshTest {

    private static final RSAKey OLD_KEY = Tokens.rsaKey("login-2025");
    private static final RSAKey NEW_KEY = Tokens.rsaKey("login-2026");
    /** Generous: the suite runs on loaded machines; only the silent-server test needs a short one. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void fetchesTheJwksOnceAndAgainOnlyForAKidItHasNotSeen() throws Exception {
        try (JwksServer jwks = new JwksServer(OLD_KEY)) {
            var verifier = verifier(jwks.url(), Duration.ofMillis(1));
            String oldToken = Tokens.rs256(OLD_KEY, claims().build());

            verifier.verify(oldToken);
            verifier.verify(oldToken);
            assertThat(jwks.hits()).as("cached after the first fetch").isEqualTo(1);

            jwks.serve(OLD_KEY, NEW_KEY);
            String newToken = Tokens.rs256(NEW_KEY, claims().subject("user-7").build());
            assertThat(verifier.verify(newToken).subject()).isEqualTo("user-7");
            assertThat(jwks.hits()).as("refetched for the rotated key").isEqualTo(2);

            verifier.verify(newToken);
            verifier.verify(oldToken);
            assertThat(jwks.hits()).as("cached again").isEqualTo(2);
        }
    }

    @Test
    void refusesAKidTheJwksNeverServesAndDoesNotRefetchWithinTheMinimumInterval() throws Exception {
        try (JwksServer jwks = new JwksServer(OLD_KEY)) {
            var verifier = verifier(jwks.url(), Duration.ofMinutes(1));
            String ghost = Tokens.rs256(Tokens.rsaKey("ghost"), claims().build());
            verifier.verify(Tokens.rs256(OLD_KEY, claims().build()));

            for (int i = 0; i < 5; i++) {
                assertRefused(verifier, ghost, "No key with the token's kid 'ghost' was found at the JWKS URL.");
            }
            // nimbus allows two fetches per interval: the first load and one refetch for the unknown kid
            assertThat(jwks.hits()).as("then the rate limit holds").isEqualTo(2);
        }
    }

    @Test
    void refusesWhenNothingListensAtTheJwksUrl() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        var verifier = verifier(URI.create("http://127.0.0.1:" + freePort + "/jwks.json"), Duration.ofMinutes(1));
        String token = Tokens.rs256(OLD_KEY, claims().build());

        assertRefused(verifier, token, JwksKeySelector.UNREACHABLE);
        assertRefused(verifier, token, JwksKeySelector.UNREACHABLE);
    }

    @Test
    void refusesWithinTheTimeoutWhenTheJwksUrlNeverAnswers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        silent.createContext("/jwks.json", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            var verifier = verifier(URI.create("http://127.0.0.1:" + silent.getAddress().getPort() + "/jwks.json"),
                    Duration.ofMinutes(1), Duration.ofMillis(500));
            long started = System.nanoTime();

            assertRefused(verifier, Tokens.rs256(OLD_KEY, claims().build()), JwksKeySelector.UNREACHABLE);

            // bounded by the read timeout (500 ms), with room for a loaded machine
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }

    private static NimbusUserTokenVerifier verifier(URI url, Duration refreshMinInterval) {
        return verifier(url, refreshMinInterval, TIMEOUT);
    }

    private static NimbusUserTokenVerifier verifier(URI url, Duration refreshMinInterval, Duration timeout) {
        JwtSettings settings = JwtSettings.jwks(url, Tokens.ISSUER, Set.of(Tokens.AUDIENCE))
                .withJwksTiming(Duration.ofHours(1), refreshMinInterval, timeout);
        return new NimbusUserTokenVerifier(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
