package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two gateways started with one --database-url: a key rotated through one is what the other sends within a second. */
@ExtendWith(PostgresExtension.class)
@Timeout(120)
class FleetKeyRotationTest {

    private static final String TOKEN = "fleet-admin-token";
    private static final ApiKey FIRST = ApiKey.of("sk-good-first");
    private static final ApiKey SECOND = ApiKey.of("sk-good-second");
    private static final EndpointId HOLYSHEEP = new EndpointId("holysheep");

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final TestDatabase database;
    private RunningGateway a;
    private RunningGateway b;

    FleetKeyRotationTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void twoGatewaysOneDatabase() throws Exception {
        FleetLedger.of(database).emptyTheDatabase();
        GoodKeysProvider.stub(provider);
        a = RunningGateway.with(fleetMember(List.of(FIRST.reveal())));
        b = RunningGateway.with(fleetMember(List.of()));
    }

    @AfterEach
    void stopThem() {
        a.close();
        b.close();
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

    private GatewayConfig fleetMember(List<String> keys) {
        GatewayConfig base = RunningGateway.config(SimulatorSettings.DEFAULT, keys,
                URI.create(provider.baseUrl() + "/v1"), StreamDeadlines.DEFAULT, Optional.of(TOKEN));
        // No probation: a replaced key leaves as soon as its streams are over.
        return base.withKeyPolicy(new KeyPolicy(Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(30))).withDatabaseUrl(database.url("unused"));
    }
}
