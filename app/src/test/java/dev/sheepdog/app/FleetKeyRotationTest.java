package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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

/** Two gateways started with one --database-url: a key rotated through one is what the other sends within a second. */
@Timeout(120)
class FleetKeyRotationTest extends OnTwoGatewaysSharingADatabase {

    private static final ApiKey FIRST = ApiKey.of("sk-good-first");
    private static final ApiKey SECOND = ApiKey.of("sk-good-second");
    private static final EndpointId HOLYSHEEP = new EndpointId("holysheep");

    FleetKeyRotationTest(TestDatabase database) {
        super(database);
    }

    @BeforeEach
    void aWithTheFirstKeyAndBWithNone() {
        a = RunningGateway.with(withoutProbation(List.of(FIRST.reveal())));
        b = RunningGateway.with(withoutProbation(List.of()));
    }

    @Test
    void aKeyRotatedThroughOneGatewayIsSentUpstreamByTheOtherWithinASecond() throws Exception {
        assertThat(fingerprints(b)).as("the key A was started with, from the shared store").containsExactly(
                FIRST.fingerprint());

        a.keys().rotateKey(HOLYSHEEP, FIRST.fingerprint(), SECOND, "test"); // checked upstream, then stored
        long rotated = System.nanoTime();
        while (!fingerprints(b).contains(SECOND.fingerprint()) && System.nanoTime() - rotated < 5_000_000_000L) {
            Thread.sleep(10);
        }
        Duration taken = Duration.ofNanos(System.nanoTime() - rotated);

        assertThat(fingerprints(b)).contains(SECOND.fingerprint());
        assertThat(taken).isLessThan(Duration.ofSeconds(1));
        provider.resetRequests();
        SseClient.stream(b.baseUrl(), "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        provider.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + SECOND.reveal())));
    }

    private static List<String> fingerprints(RunningGateway gateway) {
        return gateway.keys().listKeys().getOrDefault(HOLYSHEEP, List.of()).stream()
                .filter(status -> status.state() == KeyState.ACTIVE).map(KeyStatus::fingerprint).toList();
    }

    private GatewayConfig withoutProbation(List<String> keys) {
        return fleetMember(keys).withKeyPolicy(FleetMember.NO_PROBATION);
    }
}
