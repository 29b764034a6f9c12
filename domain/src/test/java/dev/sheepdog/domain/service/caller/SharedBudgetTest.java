package dev.sheepdog.domain.service.caller;

import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.domain.port.out.InMemoryUsageLedger;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Two gateways record into one ledger: a budget holds across both, not once per gateway. */
class SharedBudgetTest {

    private static final String ACCOUNT = "client:cl_000000000001";
    private static final Limits TWO_CENTS_A_DAY = new Limits(OptionalInt.empty(), OptionalLong.empty(),
            OptionalInt.empty(), Optional.of(new BigDecimal("0.02")), Optional.empty());

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T12:00:00Z"));

    @Test
    void aBudgetSpentThroughOneGatewayIsRefusedByTheOtherThatHadAlreadySeenTheAccount() {
        UsageLedger ledger = new Shared(new InMemoryUsageLedger());
        BudgetBook a = new BudgetBook(ledger, clock);
        BudgetBook b = new BudgetBook(ledger, clock);
        assertThat(b.check(ACCOUNT, TWO_CENTS_A_DAY)).as("before any spend").isEmpty();

        a.record(usage(clock.instant(), ACCOUNT, "gpt-4.1", "0.02"));

        assertThat(b.check(ACCOUNT, TWO_CENTS_A_DAY)).hasValueSatisfying(
                refusal -> assertThat(refusal.period()).isEqualTo("daily"));
    }

    @Test
    void aLedgerOfItsOwnIsReadOnceAndThenKeptUpToDateInMemory() {
        CountingReads ledger = new CountingReads(new InMemoryUsageLedger());
        BudgetBook book = new BudgetBook(ledger, clock);

        book.check(ACCOUNT, TWO_CENTS_A_DAY);
        book.record(usage(clock.instant(), ACCOUNT, "gpt-4.1", "0.01"));
        book.check(ACCOUNT, TWO_CENTS_A_DAY);
        book.record(usage(clock.instant(), ACCOUNT, "gpt-4.1", "0.01"));

        assertThat(book.check(ACCOUNT, TWO_CENTS_A_DAY)).isPresent();
        assertThat(ledger.reads).as("today's and this month's sums, once").isEqualTo(2);
    }

    @Test
    void aSharedLedgerIsReadOnlyForThePeriodThePlansBudgetIsFor() {
        CountingReads ledger = new CountingReads(new Shared(new InMemoryUsageLedger()));
        BudgetBook book = new BudgetBook(ledger, clock);
        Limits aDollarAMonth = new Limits(OptionalInt.empty(), OptionalLong.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.of(BigDecimal.ONE));

        book.check(ACCOUNT, TWO_CENTS_A_DAY);
        book.check(ACCOUNT, aDollarAMonth);

        assertThat(ledger.froms).as("one round trip to the fleet's database a check").containsExactly(
                Instant.parse("2026-12-02T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
    }

    /** The ledger of a fleet: other gateways write to it too. */
    private static final class Shared extends Delegating {
        Shared(UsageLedger ledger) {
            super(ledger);
        }

        @Override
        public boolean sharedWithOtherGateways() {
            return true;
        }
    }

    private static final class CountingReads extends Delegating {
        private int reads;
        private final List<Instant> froms = new ArrayList<>();

        CountingReads(UsageLedger ledger) {
            super(ledger);
        }

        @Override
        public BigDecimal spentSince(String account, Instant from) {
            reads++;
            froms.add(from);
            return super.spentSince(account, from);
        }
    }

    private abstract static class Delegating implements UsageLedger {
        private final UsageLedger ledger;

        Delegating(UsageLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public void record(UsageRecord record) {
            ledger.record(record);
        }

        @Override
        public BigDecimal spentSince(String account, Instant from) {
            return ledger.spentSince(account, from);
        }

        @Override
        public List<UsageLine> summarize(UsageQuery query) {
            return ledger.summarize(query);
        }

        @Override
        public boolean sharedWithOtherGateways() {
            return ledger.sharedWithOtherGateways();
        }
    }
}
