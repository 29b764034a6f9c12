package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.testing.postgres.PostgresServer;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The shared database goes away under a fleet gateway: it goes on streaming, says it is degraded, and
 * once the database is back every completion it served during the outage is in the ledger.
 */
@Timeout(180)
class FleetDatabaseOutageTest extends OnAGatewayWhoseDatabaseGoesAway<RunningGateway> {

    private static final String ASK = "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    FleetDatabaseOutageTest(TestDatabase database, PostgresServer server) {
        super(database, server);
    }

    @BeforeEach
    void aFleetGateway() throws Exception {
        GatewayConfig config = RunningGateway.config(
                SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(5), Duration.ofMillis(1)), List.of(),
                GatewayConfig.HOLYSHEEP_DEFAULT_URL, StreamDeadlines.DEFAULT, Optional.empty());
        gateway = RunningGateway.with(config.withDatabaseUrl(database.url("unused")));
        Probes.awaitStatus(gateway.baseUrl().getPort(), "/readyz", 200);
    }

    @Test
    void streamsGoOnDegradedWhileTheDatabaseIsAwayAndEveryUsageRecordIsWrittenWhenItIsBack() throws Exception {
        int port = gateway.baseUrl().getPort();
        for (int i = 0; i < 3; i++) {
            assertThat(SseClient.stream(gateway.baseUrl(), ASK).doneDispatched()).isTrue();
        }
        assertThat(FleetLedger.of(database).rows()).isEqualTo(3);

        server.stop();
        assertThat(Probes.awaitStatus(port, "/readyz", 200).body()).isNotNull();
        awaitBody(port, "degraded");
        for (int i = 0; i < 5; i++) {
            assertThat(SseClient.stream(gateway.baseUrl(), ASK).doneDispatched()).as("stream %d in the outage", i)
                    .isTrue();
        }

        server.startAgain();
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        FleetLedger ledger = FleetLedger.of(database);
        while (ledger.rowsOrZero() < 8 && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        assertThat(ledger.rows()).as("every completion served, the outage's included").isEqualTo(8);
        awaitBody(port, "\"ready\"");
    }

    private static void awaitBody(int port, String expected) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String body = Probes.get(port, "/readyz").body();
        while (!body.contains(expected) && System.nanoTime() < giveUp) {
            Thread.sleep(50);
            body = Probes.get(port, "/readyz").body();
        }
        assertThat(body).contains(expected);
    }
}
