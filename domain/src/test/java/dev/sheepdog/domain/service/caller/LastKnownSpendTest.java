package dev.sheepdog.domain.service.caller;

import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Through an outage of the shared ledger, what an account spent is its last known spend plus this
 * gateway's own costs since, counted once for every gateway of the fleet.
 */
@Timeout(30)
class LastKnownSpendTest {

    private static final String ACCOUNT = "client:cl_000000000001";

    private final SwitchableLedger database = new SwitchableLedger();
    private final AtomicInteger fleetSize = new AtomicInteger(2);
    private final QueuedUsageLedger queue = new QueuedUsageLedger(database, 100, Duration.ofMillis(10));
    private final LastKnownSpend spend = new LastKnownSpend(queue, fleetSize::get);

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void whileTheLedgerAnswersItsAnswerIsTheSpend() {
        spend.record(usage(T0, ACCOUNT, "m", "0.01"));
        spend.record(usage(T0, "client:cl_000000000002", "m", "0.05"));

        assertThat(spend.spentSince(ACCOUNT, T0)).isEqualByComparingTo("0.01");
        assertThat(spend.estimatedChecks()).isZero();
    }

    @Test
    void duringAnOutageTheLastKnownSpendGrowsByThisGatewaysCostsTimesTheFleetSize() {
        spend.record(usage(T0, ACCOUNT, "m", "0.01"));
        assertThat(spend.spentSince(ACCOUNT, T0)).isEqualByComparingTo("0.01");

        database.down = true;
        spend.record(usage(T0.plusSeconds(1), ACCOUNT, "m", "0.02"));

        assertThat(spend.spentSince(ACCOUNT, T0)).as("0.01 known + 2 gateways × 0.02 here").isEqualByComparingTo("0.05");
        assertThat(spend.estimatedChecks()).isEqualTo(1);
    }

    @Test
    void costsOnlyCountForThePeriodsTheyFallIn() {
        Instant tomorrow = T0.plus(Duration.ofDays(1));
        spend.spentSince(ACCOUNT, T0);
        spend.spentSince(ACCOUNT, tomorrow);

        database.down = true;
        spend.record(usage(T0.plusSeconds(5), ACCOUNT, "m", "0.02"));

        assertThat(spend.spentSince(ACCOUNT, T0)).isEqualByComparingTo("0.04");
        assertThat(spend.spentSince(ACCOUNT, tomorrow)).isEqualByComparingTo("0");
    }

    @Test
    void anAccountFirstSeenDuringTheOutageCountsOnlyWhatThisGatewayRecordedForIt() {
        database.down = true;
        assertThat(spend.spentSince(ACCOUNT, T0)).isEqualByComparingTo("0");

        spend.record(usage(T0.plusSeconds(1), ACCOUNT, "m", "0.03"));

        assertThat(spend.spentSince(ACCOUNT, T0)).isEqualByComparingTo("0.06");
    }

    @Test
    void whenTheLedgerAnswersAgainItsAnswerReplacesTheEstimate() throws InterruptedException {
        spend.spentSince(ACCOUNT, T0);
        database.down = true;
        spend.record(usage(T0.plusSeconds(1), ACCOUNT, "m", "0.02")); // waits in the queue
        assertThat(spend.spentSince(ACCOUNT, T0)).isEqualByComparingTo("0.04");

        database.down = false;
        while (queue.waitingCount() > 0) {
            Thread.sleep(5);
        }

        assertThat(spend.spentSince(ACCOUNT, T0)).isEqualByComparingTo("0.02");
        fleetSize.set(5);
        assertThat(spend.spentSince(ACCOUNT, T0)).as("no estimate left to multiply").isEqualByComparingTo("0.02");
    }
}
