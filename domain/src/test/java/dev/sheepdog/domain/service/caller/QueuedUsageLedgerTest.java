package dev.sheepdog.domain.service.caller;

import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.UsageRecord;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Through an outage of the shared database no usage record is lost while the queue has room. */
@Timeout(30)
class QueuedUsageLedgerTest {

    private static final String ACCOUNT = "client:cl_000000000001";

    private final SwitchableLedger database = new SwitchableLedger();
    private final QueuedUsageLedger ledger = new QueuedUsageLedger(database, 3, Duration.ofMillis(20));

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void whileTheLedgerTakesRecordsEachIsWrittenBeforeRecordReturns() {
        ledger.record(usage(T0, ACCOUNT, "m", "0.01"));

        assertThat(database.written()).hasSize(1);
        assertThat(ledger.waitingCount()).isZero();
    }

    @Test
    void recordsThatArriveDuringAnOutageAreAllWrittenInOrderWhenTheLedgerIsBack() throws InterruptedException {
        database.down = true;
        ledger.record(usage(T0, ACCOUNT, "first", "0.01"));
        ledger.record(usage(T0.plusSeconds(1), ACCOUNT, "second", "0.01"));
        assertThat(ledger.waitingCount()).isEqualTo(2);

        database.down = false;
        ledger.record(usage(T0.plusSeconds(2), ACCOUNT, "third", "0.01"));
        awaitEmptyQueue();

        assertThat(database.written()).extracting(UsageRecord::model).containsExactly("first", "second", "third");
        assertThat(ledger.lostCount()).isZero();
    }

    @Test
    void aRecordThatFindsTheQueueFullIsLostAndCounted() {
        database.down = true;
        for (int i = 0; i < 5; i++) {
            ledger.record(usage(T0.plusSeconds(i), ACCOUNT, "m" + i, "0.01"));
        }

        assertThat(ledger.waitingCount()).isEqualTo(3);
        assertThat(ledger.lostCount()).isEqualTo(2);
    }

    @Test
    void whatAnAccountSpentCountsItsWaitingRecords() {
        ledger.record(usage(T0, ACCOUNT, "m", "0.01"));
        database.down = true;
        ledger.record(usage(T0.plusSeconds(1), ACCOUNT, "m", "0.02"));
        ledger.record(usage(T0.plusSeconds(1), "client:cl_000000000002", "m", "0.05"));
        database.readable = true;

        assertThat(ledger.spentSince(ACCOUNT, T0)).isEqualByComparingTo("0.03");
    }

    private void awaitEmptyQueue() throws InterruptedException {
        while (ledger.waitingCount() > 0) {
            Thread.sleep(5);
        }
    }
}
