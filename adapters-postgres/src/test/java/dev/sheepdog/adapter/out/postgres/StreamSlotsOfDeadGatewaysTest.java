package dev.sheepdog.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.testing.postgres.TestDatabase;
import dev.sheepdog.testing.postgres.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A gateway that dies with streams open does not keep their slots for good: once it has been unheard for
 * the dead-after time, any gateway's heartbeat gives them back, exactly once.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(60)
class StreamSlotsOfDeadGatewaysTest {

    private static final Duration EVERY = Duration.ofMillis(100);
    private static final Duration DEAD_AFTER = Duration.ofMillis(600);

    private final TestDatabase database;
    private PostgresDatabase a;
    private PostgresDatabase b;

    StreamSlotsOfDeadGatewaysTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void twoGateways() {
        a = Databases.openEmptied(database);
        b = Databases.open(database);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void theSlotsOfAGatewayThatStoppedBeatingAreGivenBackToTheFleet() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(a.limitCounters(EVERY, DEAD_AFTER).openStream("alice", 3)).isTrue();
        }
        assertThat(b.limitCounters(EVERY, DEAD_AFTER).openStream("alice", 3)).as("all 3 held by A").isFalse();

        a.close(); // dies: its streams never close

        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (b.limitCounters().openStreams("alice") > 0 && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
        assertThat(b.limitCounters().openStreams("alice")).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(b.limitCounters().openStream("alice", 3)).isTrue();
        }
        assertThat(b.limitCounters().openStream("alice", 3)).isFalse();
    }

    @Test
    void aGatewayTakenForDeadThatClosesItsStreamsLaterDoesNotFreeTheSlotsOfOthers() {
        PostgresLimitCounters onA = a.limitCounters(Duration.ofMinutes(1), Duration.ofMinutes(5));
        PostgresLimitCounters onB = b.limitCounters(Duration.ofMinutes(1), Duration.ofMinutes(5));
        onA.openStream("alice", 3);
        onA.openStream("alice", 3);
        // A goes unheard (a long pause, a network split): B's next beat takes it for dead
        Databases.execute(database, "UPDATE gateway_heartbeat SET seen_at = now() - interval '1 hour'");
        assertThat(b.beatNow()).as("accounts that got slots back").isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThat(onB.openStream("alice", 3)).isTrue();
        }

        onA.closeStream("alice"); // A was alive after all, and its streams end
        onA.closeStream("alice");

        assertThat(onB.openStreams("alice")).as("B's three, untouched by A's late closes").isEqualTo(3);
        assertThat(onB.openStream("alice", 3)).isFalse();
    }

    @Test
    void streamsOpenedAndClosedOnTwoGatewaysAtOnceWhileTheyBeatNeverDeadlockAndEndAtZero() throws Exception {
        PostgresLimitCounters onA = a.limitCounters(Duration.ofMillis(20), DEAD_AFTER);
        PostgresLimitCounters onB = b.limitCounters(Duration.ofMillis(20), DEAD_AFTER);
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            PostgresLimitCounters counters = i % 2 == 0 ? onA : onB;
            clients.add(() -> {
                int opened = 0;
                for (int round = 0; round < 40; round++) {
                    if (counters.openStream("alice", 1_000)) {
                        opened++;
                        counters.closeStream("alice");
                    }
                }
                return opened;
            });
        }

        int opened = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (Future<Integer> client : threads.invokeAll(clients)) {
                opened += client.get(); // a deadlock PostgreSQL broke would throw here
            }
        }

        assertThat(opened).isEqualTo(16 * 40);
        assertThat(onA.openStreams("alice")).isZero();
    }

    @Test
    void aGatewaysHoldersLeftAtZeroGoWithItsNextBeatSoTheTableDoesNotGrow() throws SQLException {
        PostgresLimitCounters onA = a.limitCounters(Duration.ofMinutes(1), Duration.ofMinutes(5));
        onA.openStream("alice", 3);
        onA.closeStream("alice");
        assertThat(holderRows()).isEqualTo(1);

        a.beatNow();

        assertThat(holderRows()).isZero();
        assertThat(onA.openStream("alice", 1)).isTrue();
        assertThat(onA.openStreams("alice")).isEqualTo(1);
    }

    private int holderRows() throws SQLException {
        try (Connection connection = Databases.connect(database);
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM limit_stream_holder")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
