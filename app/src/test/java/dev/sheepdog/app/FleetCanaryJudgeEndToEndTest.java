package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two gateways on one database, one canary judge: when it stops, the other judges within an interval, from the stored rollout. */
@ExtendWith(PostgresExtension.class)
@Timeout(120)
class FleetCanaryJudgeEndToEndTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension primary = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension canary = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final TestDatabase database;
    private final List<RunningGateway> running = new ArrayList<>();

    FleetCanaryJudgeEndToEndTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void anEmptyDatabaseAndTwoEquallyGoodEndpoints() throws Exception {
        FleetLedger.of(database).emptyTheDatabase();
        answer(primary, "p");
        answer(canary, "c");
    }

    @AfterEach
    void stopThem() {
        running.forEach(RunningGateway::close);
    }

    @Test
    void whenTheJudgeStopsTheOtherGatewayJudgesWithinAnIntervalContinuingTheStoredRollout() throws Exception {
        RunningGateway judge = start(); // alone, so it is the judge
        drive(List.of(judge), () -> decisions().size() >= 2);
        RunningGateway other = start();
        drive(List.of(judge, other), () -> decisions().size() >= 4);

        List<JsonNode> before = decisions();
        judge.close();
        running.remove(judge);
        long stopped = System.nanoTime();
        drive(List.of(other), () -> decisions().size() > before.size());
        Duration takenOver = Duration.ofNanos(System.nanoTime() - stopped);

        List<JsonNode> after = decisions();
        assertThat(takenOver).as("its next interval, plus a judgement").isLessThan(INTERVAL.multipliedBy(2));
        assertThat(after.subList(0, before.size())).as("the audit trail, intact").isEqualTo(before);
        assertThat(after.get(before.size()).path("weight_before").asDouble())
                .as("the weight where the last judge left it").isEqualTo(before.getLast().path("weight_after").asDouble());
    }

    private RunningGateway start() throws Exception {
        Path file = Files.createTempFile("sheepdog-", ".yaml");
        Files.writeString(file, """
                endpoints:
                  - id: primary
                    base_url: %s/v1
                    role: primary
                  - id: canary
                    base_url: %s/v1
                    role: canary
                    weight: 0.1
                canary:
                  interval: %dms
                  min_samples: 3
                  step: 0.05
                  rollback_factor: 3.0
                """.formatted(primary.baseUrl(), canary.baseUrl(), INTERVAL.toMillis()));
        GatewayConfig base = RunningGateway.config(SimulatorSettings.DEFAULT, List.of(), URI.create("http://unused"),
                StreamDeadlines.DEFAULT, Optional.empty());
        FileConfig routing = ConfigFile.read(file, Map.of(), StreamDeadlines.DEFAULT);
        GatewayConfig config = new GatewayConfig(base.http(), base.simulator(), base.holySheepKeys(),
                base.holySheepUrl(), base.deadlines(), base.dataDir(), base.masterKey(), base.adminToken(),
                base.keyPolicy(), Optional.of(routing)).withDatabaseUrl(database.url("unused"));
        RunningGateway gateway = RunningGateway.with(config);
        running.add(gateway);
        return gateway;
    }

    /** Clients stream through the gateways until the condition holds; 20 s at most. */
    private static void drive(List<RunningGateway> gateways, BooleanSupplier condition) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger users = new AtomicInteger();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < 4; client++) {
                RunningGateway gateway = gateways.get(client % gateways.size());
                clients.submit(() -> {
                    // A new user each time: the canary's share is a share of users.
                    while (!done.get()) {
                        SseClient.stream(gateway.baseUrl(), "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
                                + "\"user\":\"u" + users.incrementAndGet() + "\","
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
                    }
                    return null;
                });
            }
            try {
                long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!condition.getAsBoolean()) {
                    assertThat(System.nanoTime()).as("not within 20 s").isLessThan(giveUp);
                    Thread.sleep(20);
                }
            } finally {
                done.set(true);
            }
        }
    }

    /** The rollout's decisions as stored in the fleet's database, oldest first. */
    private List<JsonNode> decisions() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT document::text FROM route_state")) {
            List<JsonNode> decisions = new ArrayList<>();
            if (row.next()) {
                JSON.readTree(row.getString(1)).path("decisions").forEach(decisions::add);
            }
            return decisions;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
    }

    private static void answer(WireMockExtension provider, String text) {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withFixedDelay(50)
                .withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},"
                        + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")));
    }
}
