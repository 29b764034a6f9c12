package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.testing.nginx.Nginx;
import dev.sheepdog.testing.nginx.ProxiedRequest;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client key's {@code rpm: 30} holds for the fleet as a whole: nginx spreads its burst over gateways A and
 * B, and both take from the same bucket in PostgreSQL.
 */
@Timeout(120)
class FleetRequestsPerMinuteBehindNginxTest extends OnAFleetBehindNginx {

    private static final int BURST = 60;
    /** A 30-a-minute bucket refills a whole request in 2 s: a burst shorter than that is answered exactly 30 times. */
    private static final Duration REFILL_OF_ONE = Duration.ofSeconds(2);
    private static final int WARM_UPS = 2;
    /** What nginx passed on before the burst: two keys made, and the warm-ups. */
    private static final int BEFORE_THE_BURST = 2 + WARM_UPS;

    FleetRequestsPerMinuteBehindNginxTest(TestDatabase database, Nginx nginx) {
        super(database, nginx, NginxFleet.METERED_ACCESS);
    }

    @BeforeEach
    void warmUpBothGateways() {
        // A key of its own on the same plan, once through each gateway: the burst meets two gateways that have
        // already looked up a client key, taken from a bucket and read a budget.
        String warmUp = fleet.addClient("{\"name\":\"warm-up\",\"plan\":\"metered\"}").path("secret").asText();
        for (int i = 0; i < WARM_UPS; i++) {
            assertThat(NginxFleet.complete(fleet.nginx.url(), "deepseek-v3.2", "warm", Optional.of(warmUp))
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBurstOfSixtyOverBothGatewaysGetsThirtyAnswersAndRateLimitErrorsForTheRest() throws Exception {
        String secret = fleet.addClient("{\"name\":\"burst\",\"plan\":\"metered\"}").path("secret").asText();

        long started = System.nanoTime();
        List<HttpResponse<String>> answers = Together.run(BURST, () -> NginxFleet.complete(fleet.nginx.url(),
                "deepseek-v3.2", "hi", Optional.of(secret)));
        Duration burst = Duration.ofNanos(System.nanoTime() - started);

        List<HttpResponse<String>> served = answers.stream().filter(answer -> answer.statusCode() == 200).toList();
        // Exactly 30 when the burst is over within 2 s, as it is on an idle machine; a loaded one may take longer,
        // and the bucket then grants a request more for every whole 2 s: never two gateways' worth.
        long refilled = burst.toMillis() / REFILL_OF_ONE.toMillis();
        assertThat((long) served.size()).as("answered, in a burst of %s", burst).isBetween(30L, 30L + refilled);
        assertThat(served).allSatisfy(answer -> assertThat(answer.body()).endsWith("data: [DONE]\n\n"));
        assertThat(answers).filteredOn(answer -> answer.statusCode() != 200).hasSize(BURST - served.size())
                .allSatisfy(FleetRequestsPerMinuteBehindNginxTest::isARateLimitErrorInOpenAisShape);
        List<ProxiedRequest> proxied = fleet.nginx.requests(BEFORE_THE_BURST + BURST);
        assertThat(fleet.completionsAnsweredBy(proxied.subList(BEFORE_THE_BURST, BEFORE_THE_BURST + BURST)))
                .as("nginx took turns").isEqualTo(Map.of("A", 30L, "B", 30L));
    }

    private static void isARateLimitErrorInOpenAisShape(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        JsonNode error = CallerGateway.parse(refused.body()).path("error");
        assertThat(error.path("message").asText()).contains("30 requests in the last minute");
        assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.path("code").asText()).isEqualTo("rate_limited");
        assertThat(error.has("param")).isTrue();
    }
}
