package dev.sheepdog.domain.service.caller;

import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** A ledger whose database can be taken away and brought back. */
    private static final class SwitchableLedger implements UsageLedger {
        private final List<UsageRecord> records = new ArrayList<>();
        private volatile boolean down;
        private volatile boolean readable;

        @Override
        public synchronized void record(UsageRecord record) {
            if (down) {
                throw new CallerStoreException("cannot record usage: the database is unreachable");
            }
            records.add(record);
        }

        @Override
        public synchronized BigDecimal spentSince(String account, Instant from) {
            if (down && !readable) {
                throw new CallerStoreException("cannot add up spend: the database is unreachable");
            }
            return records.stream().filter(record -> record.account().equals(account) && !record.at().isBefore(from))
                    .map(record -> record.costUsd().orElse(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @Override
        public List<UsageLine> summarize(UsageQuery query) {
            return List.of();
        }

        synchronized List<UsageRecord> written() {
            return List.copyOf(records);
        }
    }
}
