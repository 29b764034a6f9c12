package dev.sheepdog.adapter.out.postgres;

import static dev.sheepdog.domain.port.out.ClientStoreContract.CREATED;
import static dev.sheepdog.domain.port.out.ClientStoreContract.fullKey;
import static dev.sheepdog.domain.port.out.KeyStoreContract.assertSameKeys;
import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleKeys;
import static dev.sheepdog.domain.port.out.RouteStoreContract.assertSameState;
import static dev.sheepdog.domain.port.out.RouteStoreContract.sampleState;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.Together;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two gateways on one database, each with its own pool: what one writes, the other reads; what both take, adds up. */
@ExtendWith(PostgresExtension.class)
class TwoInstancesTest {

    private final TestDatabase database;
    private PostgresDatabase a;
    private PostgresDatabase b;

    TwoInstancesTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void openTwoInstances() {
        a = Databases.openEmptied(database);
        b = Databases.open(database);
    }

    @AfterEach
    void closeThem() {
        a.close();
        b.close();
    }

    @Test
    void keysSavedThroughOneInstanceAreLoadedByTheOtherSealedUnderTheSameMasterKey() {
        a.keyStore(Optional.of("fleet master key")).save(sampleKeys());

        assertSameKeys(b.keyStore(Optional.of("fleet master key")).load(), sampleKeys());
    }

    @Test
    void aRouteStateSavedThroughOneInstanceIsLoadedByTheOther() {
        a.routeStore().save(sampleState());

        assertSameState(b.routeStore().load(), sampleState());
    }

    @Test
    void aClientKeyRevokedThroughOneInstanceIsFoundRevokedByTheOther() {
        ClientKey key = fullKey("billing", CREATED);
        a.clientStore().save(key);
        assertThat(b.clientStore().findBySecretHash(key.secretHash())).contains(key);

        b.clientStore().save(key.revoked(CREATED.plusSeconds(60)));

        assertThat(a.clientStore().findBySecretHash(key.secretHash()).orElseThrow().refusal(CREATED.plusSeconds(61)))
                .contains("was revoked");
    }

    @Test
    void usageRecordedByBothInstancesIsOneLedger() {
        a.usageLedger().record(usage(T0, "client:cl_00000000a11c", "m", "0.25"));
        b.usageLedger().record(usage(T0.plusSeconds(1), "client:cl_00000000a11c", "m", "0.5"));

        assertThat(a.usageLedger().spentSince("client:cl_00000000a11c", T0)).isEqualByComparingTo("0.75");
        assertThat(b.usageLedger().spentSince("client:cl_00000000a11c", T0)).isEqualByComparingTo("0.75");
        assertThat(a.usageLedger().sharedWithOtherGateways()).as("budgets must read the ledger, not remember").isTrue();
    }

    @Test
    void aHundredRequestsSpreadOverBothInstancesAgainstTwentyAMinuteLetExactlyTwentyThrough() throws Exception {
        LimitCounters[] instances = {a.limitCounters(), b.limitCounters()};
        AtomicInteger next = new AtomicInteger();

        int passed = Together.successes(100,
                () -> instances[next.getAndIncrement() % 2].takeRequest("alice", 20).isEmpty());

        assertThat(passed).isEqualTo(20);
        assertThat(a.limitCounters().requestsLeft("alice", 20)).isZero();
        assertThat(b.limitCounters().takeRequest("alice", 20)).isPresent();
    }

    @Test
    void aHundredStreamsSpreadOverBothInstancesAgainstFiveOpenExactlyFive() throws Exception {
        LimitCounters[] instances = {a.limitCounters(), b.limitCounters()};
        AtomicInteger next = new AtomicInteger();

        int opened = Together.successes(100, () -> instances[next.getAndIncrement() % 2].openStream("alice", 5));

        assertThat(opened).isEqualTo(5);
        b.limitCounters().closeStream("alice");
        assertThat(a.limitCounters().openStreams("alice")).isEqualTo(4);
    }

    @Test
    void tokensCountedByBothInstancesAreOneAllowance() throws Exception {
        LimitCounters[] instances = {a.limitCounters(), b.limitCounters()};
        AtomicInteger next = new AtomicInteger();

        Together.successes(100, () -> {
            instances[next.getAndIncrement() % 2].countTokens("alice", 1_000, 10_000);
            return true;
        });

        // 1,000 allowed and 1,000,000 counted; the database's clock runs on meanwhile, giving back 17 a second
        assertThat(a.limitCounters().tokensLeft("alice", 1_000)).isBetween(-999_000L, -998_000L);
        assertThat(b.limitCounters().checkTokens("alice", 1_000)).isPresent();
    }
}
