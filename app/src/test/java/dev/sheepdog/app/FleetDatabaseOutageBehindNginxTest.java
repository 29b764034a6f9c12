package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.adapter.out.holysheep.fixtures.StreamReconstruction;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.testing.nginx.Nginx;
import dev.sheepdog.testing.postgres.PostgresServer;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fleet's database stops while streams run through nginx over gateways A and B: every open stream ends
 * well, new ones are served, both gateways say they are degraded, and once the database is back the ledger
 * holds every completion served and the client's stream slots are all given back.
 */
@Timeout(180)
class FleetDatabaseOutageBehindNginxTest extends OnAFleetBehindNginx {

    private static final int OPEN_STREAMS = 20;
    private static final int DURING_THE_OUTAGE = 4;
    private static final String SLOW = "{\"model\":\"gpt-4.1\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"slow\"}]}";

    /** Room for every stream of the test at once: the limit is counted, never reached. */
    private static final Plan STREAMING = new Plan("streaming", new Limits(OptionalInt.empty(), OptionalLong.empty(),
            OptionalInt.of(OPEN_STREAMS + DURING_THE_OUTAGE), Optional.empty(), Optional.empty()), Set.of());

    private final PostgresServer server;

    FleetDatabaseOutageBehindNginxTest(TestDatabase database, PostgresServer server, Nginx nginx) {
        super(database, nginx, new AccessConfig(false, List.of(), Optional.empty(), AccessConfig.ANONYMOUS_PLAN,
                Map.of(STREAMING.name(), STREAMING), AccessConfig.ANONYMOUS_PLAN, Optional.empty()));
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
    void openStreamsEndWithDoneNewOnesAreServedDegradedAndOnceTheDatabaseIsBackTheLedgerHoldsEveryCompletionAndNoSlotStaysTaken()
            throws Exception {
        JsonNode client = fleet.addClient("{\"name\":\"writer\",\"plan\":\"streaming\"}");
        Optional<String> key = Optional.of(client.path("secret").asText());
        String account = "client:" + client.path("id").asText();
        FleetLedger ledger = FleetLedger.of(database);
        List<Future<StreamReconstruction>> streams = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < OPEN_STREAMS; i++) {
                streams.add(clients.submit(() -> SseClient.stream(fleet.api(), SLOW, key)));
            }
            provider.awaitSlowStreamsOpen(OPEN_STREAMS);
            assertThat(ledger.streamSlotsTakenBy(account)).as("slots taken before the outage").isEqualTo(OPEN_STREAMS);

            server.stop();
            assertThat(provider.slowStreamsOpen()).as("streams open when the database went away")
                    .isEqualTo(OPEN_STREAMS);
            for (int i = 0; i < DURING_THE_OUTAGE; i++) {
                HttpResponse<String> answer = NginxFleet.complete(fleet.nginx.url(), "gpt-4.1", "hi", key);
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
        assertThat(slotsOwed(fleet.a) + slotsOwed(fleet.b)).as("slots of the streams that ended in the outage")
                .isEqualTo(OPEN_STREAMS);

        server.startAgain();
        int served = OPEN_STREAMS + DURING_THE_OUTAGE;
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ledger.rowsOrZero() < served && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        assertThat(ledger.rows()).as("every completion served, the outage's included").isEqualTo(served);
        for (RunningGateway gateway : List.of(fleet.a, fleet.b)) {
            assertThat(awaitReadiness(NginxFleet.port(gateway), "\"ready\"")).doesNotContain("degraded");
        }
        // The streams that ended in the outage could not give their slots back then: the gateways owed them
        giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ledger.streamSlotsTakenBy(account) > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        assertThat(ledger.streamSlotsTakenBy(account)).as("slots still taken once the database is back").isZero();
        assertThat(slotsOwed(fleet.a) + slotsOwed(fleet.b)).isZero();
    }

    /** What the gateway's {@code /metrics} says it owes the fleet's stream counters. */
    private static int slotsOwed(RunningGateway gateway) throws Exception {
        String metrics = Probes.get(NginxFleet.port(gateway), "/metrics").body();
        return metrics.lines().filter(line -> line.startsWith("sheepdog_stream_slots_owed "))
                .mapToInt(line -> (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no sheepdog_stream_slots_owed in " + metrics));
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
