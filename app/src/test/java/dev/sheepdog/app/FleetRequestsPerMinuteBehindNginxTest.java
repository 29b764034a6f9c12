package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.testing.nginx.Nginx;
import dev.sheepdog.testing.nginx.NginxExtension;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client key's {@code rpm: 30} holds for the fleet as a whole: nginx spreads its burst over gateways A and
 * B, and both take from the same bucket in PostgreSQL.
 */
@ExtendWith({PostgresExtension.class, NginxExtension.class})
@Timeout(120)
class FleetRequestsPerMinuteBehindNginxTest {

    private static final int BURST = 60;
    /** A 30-a-minute bucket refills a whole request in 2 s: a burst shorter than that is answered 30 times. */
    private static final Duration REFILL_OF_ONE = Duration.ofSeconds(2);
    private static final int WARM_UPS = 2;

    private final TestDatabase database;
    private final Nginx nginx;
    private PacedUpstream provider;
    private NginxFleet fleet;

    FleetRequestsPerMinuteBehindNginxTest(TestDatabase database, Nginx nginx) {
        this.database = database;
        this.nginx = nginx;
    }

    @BeforeEach
    void aFleetBehindNginx() throws Exception {
        provider = new PacedUpstream();
        fleet = NginxFleet.start(nginx, database, provider.baseUrl(), NginxFleet.METERED_ACCESS);
        // One completion on each gateway first, so that the burst meets two gateways already warm.
        for (int i = 0; i < WARM_UPS; i++) {
            assertThat(NginxFleet.complete(fleet.nginx.url(), "gpt-4.1", "warm", Optional.empty()).statusCode())
                    .isEqualTo(200);
        }
    }

    @AfterEach
    void stopIt() {
        fleet.close();
        provider.close();
    }

    @Test
    void aBurstOfSixtyOverBothGatewaysGetsExactlyThirtyAnswersAndThirtyRateLimitErrors() throws Exception {
        String secret = fleet.addClient("{\"name\":\"burst\",\"plan\":\"metered\"}").path("secret").asText();

        long started = System.nanoTime();
        List<HttpResponse<String>> answers = Together.run(BURST, () -> NginxFleet.complete(fleet.nginx.url(),
                "deepseek-v3.2", "hi", Optional.of(secret)));
        Duration burst = Duration.ofNanos(System.nanoTime() - started);

        assertThat(burst).as("the burst, shorter than a whole request's refill").isLessThan(REFILL_OF_ONE);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(30)
                .allSatisfy(answer -> assertThat(answer.body()).endsWith("data: [DONE]\n\n"));
        assertThat(answers).filteredOn(answer -> answer.statusCode() != 200).hasSize(30).allSatisfy(refused -> {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            JsonNode error = CallerGateway.parse(refused.body()).path("error");
            assertThat(error.path("message").asText()).contains("30 requests in the last minute");
            assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
            assertThat(error.path("code").asText()).isEqualTo("rate_limited");
            assertThat(error.has("param")).isTrue();
        });
        assertThat(fleet.completionsAnsweredBy(
                fleet.nginx.requests(WARM_UPS + 1 + BURST).subList(WARM_UPS + 1, WARM_UPS + 1 + BURST))).as("nginx took turns")
                .isEqualTo(Map.of("A", 30L, "B", 30L));
    }
}
