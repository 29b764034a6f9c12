package dev.sheepdog.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.testing.CapturedLog;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.PostgresServer;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stream that ends while the database is away still gives its slot back: the gateway owes it, and gives
 * it back once the database answers, so an account at its limit is not refused streams for good.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(value = 90, threadMode = ThreadMode.SEPARATE_THREAD)
class StreamSlotsThroughAnOutageTest {

    /** Never, in a test: no gateway is taken for dead here, so only what this gateway owes can free a slot. */
    private static final Duration DEAD_AFTER = Duration.ofHours(3);

    private final TestDatabase database;
    private final PostgresServer server;
    private PostgresDatabase gateway;

    StreamSlotsThroughAnOutageTest(TestDatabase database, PostgresServer server) {
        this.database = database;
        this.server = server;
    }

    @BeforeEach
    void open() {
        // Migrates a new database before the tables are emptied
        gateway = PostgresDatabase.open(database.url(Databases.PASSWORD), Databases.SHORT_DEADLINES);
        Databases.execute(database, "TRUNCATE limit_stream, limit_stream_holder, gateway_heartbeat");
    }

    @AfterEach
    void bringTheServerBack() {
        if (!server.running()) {
            server.startAgain();
        }
        gateway.close();
    }

    @Test
    void slotsOfStreamsThatEndedDuringAnOutageAreGivenBackByTheHeartbeatOnceTheDatabaseIsBack() throws Exception {
        PostgresLimitCounters counters = gateway.limitCounters(Duration.ofMillis(200), DEAD_AFTER);
        assertThat(counters.openStream("alice", 2)).isTrue();
        assertThat(counters.openStream("alice", 2)).isTrue();

        server.stop();
        counters.closeStream("alice"); // the streams end during the outage: no exception, the slots are owed
        counters.closeStream("alice");
        assertThat(gateway.streamSlotsOwed()).isEqualTo(2);
        server.startAgain();

        assertThat(within(Duration.ofSeconds(20), () -> gateway.streamSlotsOwed() == 0)).as("all given back").isTrue();
        assertThat(counters.openStreams("alice")).isZero();
        assertThat(counters.openStream("alice", 2)).isTrue();
        assertThat(counters.openStream("alice", 2)).isTrue();
        assertThat(counters.openStream("alice", 2)).as("the limit holds again").isFalse();
    }

    @Test
    void aSlotOwedFromAnOutageIsGivenBackBeforeTheAccountOpensItsNextStream() throws Exception {
        PostgresLimitCounters counters = gateway.limitCounters(Duration.ofHours(1), DEAD_AFTER); // no beat to help
        assertThat(counters.openStream("alice", 1)).isTrue();
        server.stop();
        counters.closeStream("alice");
        server.startAgain();

        assertThat(within(Duration.ofSeconds(20), () -> counters.openStream("alice", 1)))
                .as("the one slot, given back by the open itself").isTrue();
        assertThat(gateway.streamSlotsOwed()).isZero();
        assertThat(counters.openStreams("alice")).isEqualTo(1);
    }

    @Test
    void aSlotAlreadyFreedAsADeadGatewaysIsNotGivenBackTwice() throws Exception {
        PostgresLimitCounters counters = gateway.limitCounters(Duration.ofHours(1), DEAD_AFTER);
        counters.openStream("alice", 2);
        server.stop();
        counters.closeStream("alice");
        server.startAgain();
        // The outage was long: another gateway took this one for dead and gave its slot back meanwhile
        within(Duration.ofSeconds(20), () -> tryExecute("DELETE FROM limit_stream_holder"));
        Databases.execute(database, "UPDATE limit_stream SET open = 1"); // someone else's stream, opened since

        assertThat(within(Duration.ofSeconds(20), () -> counters.openStream("alice", 2))).isTrue();
        assertThat(counters.openStreams("alice")).as("the other's and the new one").isEqualTo(2);
    }

    @Test
    void owingIsSaidOnceWhenItStartsAndOnceWhenEverySlotIsGivenBackNotOncePerSlot() throws Exception {
        PostgresLimitCounters counters = gateway.limitCounters(Duration.ofMillis(200), DEAD_AFTER);
        for (int i = 0; i < 3; i++) {
            counters.openStream("alice", 3);
        }
        List<String> lines;
        try (CapturedLog log = CapturedLog.of("sheepdog.limits")) {
            server.stop();
            for (int i = 0; i < 3; i++) {
                counters.closeStream("alice");
                tryOpen(counters); // settles first, and fails again: still owed, not said again
            }
            server.startAgain();
            assertThat(within(Duration.ofSeconds(20), () -> gateway.streamSlotsOwed() == 0)).isTrue();
            lines = log.lines();
        }

        assertThat(lines).filteredOn(line -> line.startsWith("could not give back")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.startsWith("gave back every stream slot")).hasSize(1);
    }

    private static void tryOpen(PostgresLimitCounters counters) {
        try {
            counters.openStream("alice", 3);
        } catch (CallerStoreException away) {
            // the database is away: what matters here is what the settling before it said
        }
    }

    private boolean tryExecute(String sql) {
        try {
            Databases.execute(database, sql);
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Asks until the answer is true, while the pool finds the server again after it was stopped. */
    private static boolean within(Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (CallerStoreException stillAway) {
                // the pool backs off between attempts after an outage
            }
            Thread.sleep(100);
        }
        return false;
    }
}
