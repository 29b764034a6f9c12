package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two gateways on one database: a key the provider rate limited through one rests on the other within a second. */
@Timeout(120)
class FleetKeyRestsTest extends OnTwoGatewaysSharingADatabase {

    private static final ApiKey LIMITED = ApiKey.of("sk-good-limited");
    private static final ApiKey FREE = ApiKey.of("sk-good-free");
    private static final EndpointId HOLYSHEEP = new EndpointId("holysheep");
    private static final String ASK = "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    FleetKeyRestsTest(TestDatabase database) {
        super(database);
    }

    @BeforeEach
    void aWithALimitedKeyAndAFreeOneAndBWithNone() {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + LIMITED.reveal()))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\"}}")));
        a = RunningGateway.with(fleetMember(List.of(LIMITED.reveal(), FREE.reveal())));
        b = RunningGateway.with(fleetMember(List.of()));
    }

    @Test
    void aKeyRateLimitedThroughOneGatewayRestsForTheOtherWithinASecond() throws Exception {
        assertThat(restingOn(b)).isEmpty();

        while (provider.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + LIMITED.reveal()))).isEmpty()) {
            SseClient.stream(a.baseUrl(), ASK); // until A has sent the limited key and heard its 429
        }
        long heard = System.nanoTime();
        while (restingOn(b).isEmpty() && System.nanoTime() - heard < 5_000_000_000L) {
            Thread.sleep(10);
        }
        Duration taken = Duration.ofNanos(System.nanoTime() - heard);

        assertThat(restingOn(b)).containsExactly(LIMITED.fingerprint());
        assertThat(taken).isLessThan(Duration.ofSeconds(1));
        provider.resetRequests();
        for (int i = 0; i < 6; i++) {
            assertThat(SseClient.stream(b.baseUrl(), ASK).doneDispatched()).isTrue();
        }
        provider.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + LIMITED.reveal())));
    }

    private static List<String> restingOn(RunningGateway gateway) {
        return gateway.keys().listKeys().getOrDefault(HOLYSHEEP, List.of()).stream()
                .filter(status -> status.state() == KeyState.COOLING).map(KeyStatus::fingerprint).toList();
    }
}
