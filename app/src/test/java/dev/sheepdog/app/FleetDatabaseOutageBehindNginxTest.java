package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.holysheep.fixtures.StreamReconstruction;
import dev.sheepdog.testing.nginx.Nginx;
import dev.sheepdog.testing.postgres.PostgresServer;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fleet's database stops while streams run through nginx over gateways A and B: every open stream ends
 * well, new ones are served, both gateways say they are degraded, and once the database is back the ledger
 * holds every completion served.
 */
@Timeout(180)
class FleetDatabaseOutageBehindNginxTest extends OnAFleetBehindNginx {

    private static final int OPEN_STREAMS = 20;
    private static final int DURING_THE_OUTAGE = 4;
    private static final String SLOW = "{\"model\":\"gpt-4.1\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"slow\"}]}";

    private final PostgresServer server;

    FleetDatabaseOutageBehindNginxTest(TestDatabase database, PostgresServer server, Nginx nginx) {
        super(database, nginx, AccessConfig.DEFAULT);
        this.server = server;
    }

    /** Before the fleet is stopped (JUnit runs a subclass's @AfterEach first), as it was started: with its database. */
    @AfterEach
    void startTheDatabaseAgain() {
        if (!server.running()) {
            server.startAgain();
        }
    }

    @Test
    void openStreamsEndWithDoneAndNewOnesAreServedDegradedAndTheLedgerHoldsEveryCompletionOnceTheDatabaseIsBack()
            throws Exception {
        List<Future<StreamReconstruction>> streams = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < OPEN_STREAMS; i++) {
                streams.add(clients.submit(() -> SseClient.stream(fleet.api(), SLOW)));
            }
            provider.awaitSlowStreamsOpen(OPEN_STREAMS);

            server.stop();
            assertThat(provider.slowStreamsOpen()).as("streams open when the database went away")
                    .isEqualTo(OPEN_STREAMS);
            for (int i = 0; i < DURING_THE_OUTAGE; i++) {
                HttpResponse<String> answer = NginxFleet.complete(fleet.nginx.url(), "gpt-4.1", "hi", Optional.empty());
                assertThat(answer.statusCode()).as("a new request in the outage: " + answer.body()).isEqualTo(200);
                assertThat(answer.body()).endsWith("data: [DONE]\n\n");
            }
            for (RunningGateway gateway : List.of(fleet.a, fleet.b)) {
                assertThat(awaitReadiness(NginxFleet.port(gateway), "degraded")).contains("database unreachable");
            }
            assertThat(awaitReadiness(fleet.nginx.port(), "degraded")).as("what the load balancer sees")
                    .contains("database unreachable");
            for (Future<StreamReconstruction> stream : streams) {
                StreamReconstruction received = stream.get();
                assertThat(received.errors()).isEmpty();
                assertThat(received.doneDispatched()).isTrue();
                assertThat(received.content()).isEqualTo(PacedUpstream.SLOW_CONTENT);
            }
        }

        server.startAgain();
        FleetLedger ledger = FleetLedger.of(database);
        int served = OPEN_STREAMS + DURING_THE_OUTAGE;
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ledger.rowsOrZero() < served && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        assertThat(ledger.rows()).as("every completion served, the outage's included").isEqualTo(served);
        for (RunningGateway gateway : List.of(fleet.a, fleet.b)) {
            assertThat(awaitReadiness(NginxFleet.port(gateway), "\"ready\"")).doesNotContain("degraded");
        }
    }

    /** {@code /readyz} once its body says {@code expected} (a gateway notices the database within seconds); 15 s at most. */
    private static String awaitReadiness(int port, String expected) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> readiness = Probes.get(port, "/readyz");
        while (!readiness.body().contains(expected) && System.nanoTime() < giveUp) {
            Thread.sleep(50);
            readiness = Probes.get(port, "/readyz");
        }
        assertThat(readiness.statusCode()).as("/readyz on port " + port).isEqualTo(200);
        assertThat(readiness.body()).contains(expected);
        return readiness.body();
    }
}
