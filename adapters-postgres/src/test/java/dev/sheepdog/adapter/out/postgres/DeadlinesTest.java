package dev.sheepdog.adapter.out.postgres;

import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.RouteStoreException;
import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.PostgresServer;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nothing waits on a database that went away or went silent: every call fails with its port's exception, soon. */
@ExtendWith(PostgresExtension.class)
class DeadlinesTest {

    /** The longest deadline and then some, for a loaded machine; a hang would be the test's own timeout. */
    private static final Duration SOON = Duration.ofSeconds(8);

    private final TestDatabase database;
    private final PostgresServer server;
    private PostgresDatabase opened;

    DeadlinesTest(TestDatabase database, PostgresServer server) {
        this.database = database;
        this.server = server;
    }

    @BeforeEach
    void open() {
        opened = PostgresDatabase.open(database.url(Databases.PASSWORD), Databases.SHORT_DEADLINES);
        Databases.execute(database, "TRUNCATE usage_record");
        opened.usageLedger().record(usage(T0, "user:before", "m", "1"));
    }

    @AfterEach
    void bringTheServerBack() {
        server.thaw();
        if (!server.running()) {
            server.startAgain();
        }
        opened.close();
    }

    @Test
    @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
    void everyStoreFailsSoonWithItsPortsExceptionWhenTheServerIsStoppedAndWorksAgainOnceItIsBack() {
        server.stop();

        assertFailsSoon(() -> opened.usageLedger().record(usage(T0, "user:during", "m", "1")), CallerStoreException.class);
        assertFailsSoon(() -> opened.clientStore().all(), CallerStoreException.class);
        assertFailsSoon(() -> opened.limitCounters().takeRequest("alice", 20), CallerStoreException.class);
        assertFailsSoon(() -> opened.keyStore(Optional.empty()).load(), KeyStoreException.class);
        assertFailsSoon(() -> opened.routeStore().load(), RouteStoreException.class);

        server.startAgain();
        // HikariCP backs off between attempts while the server is away: the first calls after may still fail
        recordWithin(Duration.ofSeconds(15), usage(T0, "user:after", "m", "1"));
        assertThat(opened.usageLedger().spentSince("user:after", T0)).isEqualByComparingTo("1");
    }

    // In a thread of its own: a call stuck in a socket read ignores interrupts, and the server must be thawed.
    @Test
    @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
    void aCallOnAServerThatWentSilentFailsAtTheDeadlineRatherThanHang() throws InterruptedException {
        server.freeze();
        try {
            assertFailsSoon(() -> opened.usageLedger().spentSince("user:before", T0), CallerStoreException.class);
            assertFailsSoon(() -> opened.limitCounters().openStream("alice", 5), CallerStoreException.class);
        } finally {
            server.thaw();
        }
        Thread.sleep(OutageBreaker.PAUSE.plusMillis(100).toMillis()); // the breaker's pause after those failures
        assertThat(opened.usageLedger().spentSince("user:before", T0)).isEqualByComparingTo("1");
    }

    @Test
    @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
    void onceCallsFailForWantOfTheServerTheNextFailAtOnceUntilOneFindsItBack() throws InterruptedException {
        server.freeze();
        try {
            assertFailsSoon(() -> opened.usageLedger().spentSince("user:before", T0), CallerStoreException.class);
            assertFailsSoon(() -> opened.limitCounters().openStream("alice", 5), CallerStoreException.class);
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> opened.clientStore().all()).isInstanceOf(CallerStoreException.class)
                        .hasMessageContaining("is unreachable");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("call %d", i)
                        .isLessThan(Duration.ofMillis(100));
            }
        } finally {
            server.thaw();
        }
        Thread.sleep(OutageBreaker.PAUSE.plusMillis(100).toMillis());
        assertThat(opened.usageLedger().spentSince("user:before", T0)).isEqualByComparingTo("1");
    }

    @Test
    void aClosedDatabaseSaysSoAtOnce() {
        opened.close();

        assertThatThrownBy(() -> opened.usageLedger().record(usage(T0, "user:a", "m", "1")))
                .isInstanceOf(CallerStoreException.class)
                .hasMessageContaining("cannot record usage of user:a")
                .hasMessageContaining("is closed");
    }

    private void recordWithin(Duration patience, UsageRecord record) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                opened.usageLedger().record(record);
                return;
            } catch (CallerStoreException stillAway) {
                if (System.nanoTime() > deadline) {
                    throw stillAway;
                }
            }
        }
    }

    private static void assertFailsSoon(ThrowingCallable call, Class<? extends RuntimeException> portException) {
        long start = System.nanoTime();
        assertThatThrownBy(call).isInstanceOf(portException)
                .message().contains("postgresql://postgres@127.0.0.1:").doesNotContain(Databases.PASSWORD);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SOON);
    }
}
