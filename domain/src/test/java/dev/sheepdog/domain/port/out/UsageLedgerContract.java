package dev.sheepdog.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.caller.CallerKind;
import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageQuery.GroupBy;
import dev.sheepdog.domain.model.caller.UsageRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UsageLedger} promises; each implementation runs it on a fresh, empty ledger. */
public abstract class UsageLedgerContract {

    public static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final String ALICE = "client:cl_00000000a11c";
    static final String BOB = "user:bob";

    protected UsageLedger ledger;

    /** A fresh ledger with nothing in it. */
    protected abstract UsageLedger createLedger();

    /** The ledger as the next process to start would see it; the default, for ledgers without one, is itself. */
    protected UsageLedger reopen(UsageLedger current) throws Exception {
        return current;
    }

    @BeforeEach
    void createTheLedger() {
        ledger = createLedger();
    }

    @AfterEach
    void closeTheLedger() throws Exception {
        if (ledger instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** A completed, provider-counted record of 100 input and 20 output tokens; {@code cost} null is unpriced. */
    public static UsageRecord usage(Instant at, String account, String model, String cost) {
        return new UsageRecord(at, account, CallerKind.CLIENT, account + " name", model, Optional.of("primary"),
                100, 20, false, Optional.ofNullable(cost).map(BigDecimal::new), Optional.of(Duration.ofMillis(250)),
                CompletionOutcome.COMPLETED, Optional.empty());
    }

    static UsageRecord failed(Instant at, String account, String model) {
        return new UsageRecord(at, account, CallerKind.USER, "bob", model, Optional.empty(), 7, 0, true,
                Optional.empty(), Optional.empty(), CompletionOutcome.FAILED, Optional.of(FailureKind.UPSTREAM_UNAVAILABLE));
    }

    static UsageQuery all(GroupBy groupBy) {
        return new UsageQuery(T0.minusSeconds(86_400), T0.plusSeconds(86_400), Optional.empty(), Optional.empty(), groupBy);
    }

    @Test
    void nothingRecordedCostsNothingAndSummarizesToNoLine() {
        assertThat(ledger.spentSince(ALICE, Instant.EPOCH)).isEqualByComparingTo("0");
        assertThat(ledger.summarize(all(GroupBy.ACCOUNT))).isEmpty();
    }

    @Test
    void spentSinceAddsTheAccountsPricedRecordsFromTheInstantOnExactly() {
        ledger.record(usage(T0.minusNanos(1), ALICE, "m", "5"));
        ledger.record(usage(T0, ALICE, "m", "0.1"));
        ledger.record(usage(T0.plusSeconds(1), ALICE, "other-model", "0.2"));
        ledger.record(usage(T0.plusSeconds(2), ALICE, "m", null));
        ledger.record(usage(T0.plusSeconds(3), BOB, "m", "7"));
        ledger.record(usage(T0.plusSeconds(4), ALICE, "m", "0.000000000123456789"));

        assertThat(ledger.spentSince(ALICE, T0)).isEqualByComparingTo("0.300000000123456789");
        assertThat(ledger.spentSince(BOB, T0)).isEqualByComparingTo("7");
        assertThat(ledger.spentSince("user:nobody", T0)).isEqualByComparingTo("0");
    }

    @Test
    void spentSinceAnInstantWithinADayCountsThatDayFromThenOnAndEveryDayAfter() {
        ledger.record(usage(T0.minusSeconds(3_600), ALICE, "m", "1"));
        ledger.record(usage(T0.plusSeconds(3_600), ALICE, "m", "2"));
        ledger.record(usage(T0.plusSeconds(7_200), ALICE, "m", "4"));
        ledger.record(usage(T0.plusSeconds(7_200).plusNanos(1), ALICE, "m", "8"));
        ledger.record(usage(T0.plusSeconds(30 * 3_600), ALICE, "m", "16"));
        ledger.record(usage(T0.plusSeconds(40 * 24 * 3_600), ALICE, "m", "32"));

        assertThat(ledger.spentSince(ALICE, T0.plusSeconds(7_200))).isEqualByComparingTo("60");
        assertThat(ledger.spentSince(ALICE, T0.plusSeconds(7_200).plusNanos(1))).isEqualByComparingTo("56");
        assertThat(ledger.spentSince(ALICE, T0.minusSeconds(7_200))).isEqualByComparingTo("63");
        assertThat(ledger.spentSince(ALICE, T0.plusSeconds(24 * 3_600))).as("from the next midnight")
                .isEqualByComparingTo("48");
    }

    @Test
    void summarizesByAccountWithCountsTokensCostAndTheLatestName() {
        ledger.record(usage(T0, ALICE, "m1", "0.25"));
        ledger.record(new UsageRecord(T0.plusSeconds(10), ALICE, CallerKind.CLIENT, "alice renamed", "m2",
                Optional.of("canary"), 1, 2, true, Optional.of(new BigDecimal("0.05")), Optional.empty(),
                CompletionOutcome.CANCELLED, Optional.of(FailureKind.CANCELLED)));
        ledger.record(usage(T0.plusSeconds(5), ALICE, "m1", null));
        ledger.record(failed(T0, BOB, "m1"));

        List<UsageLine> lines = ledger.summarize(all(GroupBy.ACCOUNT));

        assertThat(lines).hasSize(2);
        assertLine(lines.get(0), new UsageLine(Optional.of(ALICE), Optional.of("alice renamed"), Optional.empty(),
                3, 0, 201, 42, new BigDecimal("0.30"), 1, 1));
        assertLine(lines.get(1), new UsageLine(Optional.of(BOB), Optional.of("bob"), Optional.empty(),
                1, 1, 7, 0, BigDecimal.ZERO, 1, 1));
    }

    @Test
    void summarizesByModelWithoutAccounts() {
        ledger.record(usage(T0, ALICE, "m1", "1"));
        ledger.record(usage(T0, BOB, "m1", "2"));
        ledger.record(usage(T0, BOB, "m2", "4"));

        List<UsageLine> lines = ledger.summarize(all(GroupBy.MODEL));

        assertThat(lines).hasSize(2);
        assertLine(lines.get(0), new UsageLine(Optional.empty(), Optional.empty(), Optional.of("m2"),
                1, 0, 100, 20, new BigDecimal("4"), 0, 0));
        assertLine(lines.get(1), new UsageLine(Optional.empty(), Optional.empty(), Optional.of("m1"),
                2, 0, 200, 40, new BigDecimal("3"), 0, 0));
    }

    @Test
    void summarizesByAccountAndModelLargestCostFirstTiesByAccountThenModel() {
        ledger.record(usage(T0, ALICE, "m2", null));
        ledger.record(usage(T0, BOB, "m1", "0.5"));
        ledger.record(usage(T0, ALICE, "m1", "0.75"));
        ledger.record(usage(T0, ALICE, "m1", "0.75"));
        ledger.record(usage(T0, ALICE, "m3", null));

        List<UsageLine> lines = ledger.summarize(all(GroupBy.ACCOUNT_AND_MODEL));

        assertThat(lines).extracting(line -> line.account().orElseThrow() + "/" + line.model().orElseThrow())
                .containsExactly(ALICE + "/m1", BOB + "/m1", ALICE + "/m2", ALICE + "/m3");
        assertLine(lines.get(0), new UsageLine(Optional.of(ALICE), Optional.of(ALICE + " name"), Optional.of("m1"),
                2, 0, 200, 40, new BigDecimal("1.5"), 0, 0));
        assertThat(lines.get(2).unpriced()).isEqualTo(1);
    }

    @Test
    void keepsOnlyRecordsFromTheStartUpToButNotIncludingTheEnd() {
        ledger.record(usage(T0.minusNanos(1), ALICE, "m", "1"));
        ledger.record(usage(T0, ALICE, "m", "2"));
        ledger.record(usage(T0.plusSeconds(60).minusNanos(1), ALICE, "m", "4"));
        ledger.record(usage(T0.plusSeconds(60), ALICE, "m", "8"));

        List<UsageLine> lines = ledger.summarize(
                new UsageQuery(T0, T0.plusSeconds(60), Optional.empty(), Optional.empty(), GroupBy.ACCOUNT));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.requests()).isEqualTo(2);
            assertThat(line.costUsd()).isEqualByComparingTo("6");
        });
        assertThat(ledger.summarize(new UsageQuery(T0, T0, Optional.empty(), Optional.empty(), GroupBy.ACCOUNT))).isEmpty();
    }

    @Test
    void anOpenEndedRangeCoversEverything() {
        ledger.record(usage(T0, ALICE, "m", "1"));

        assertThat(ledger.summarize(new UsageQuery(Instant.MIN, Instant.MAX, Optional.empty(), Optional.empty(),
                GroupBy.MODEL))).singleElement().extracting(UsageLine::requests).isEqualTo(1L);
    }

    @Test
    void filtersOnAccountAndOnModel() {
        ledger.record(usage(T0, ALICE, "m1", "1"));
        ledger.record(usage(T0, ALICE, "m2", "2"));
        ledger.record(usage(T0, BOB, "m1", "4"));
        UsageQuery query = all(GroupBy.ACCOUNT_AND_MODEL);

        assertThat(ledger.summarize(new UsageQuery(query.from(), query.to(), Optional.of(ALICE), Optional.empty(),
                GroupBy.MODEL))).extracting(line -> line.model().orElseThrow()).containsExactly("m2", "m1");
        assertThat(ledger.summarize(new UsageQuery(query.from(), query.to(), Optional.empty(), Optional.of("m1"),
                GroupBy.ACCOUNT))).extracting(line -> line.account().orElseThrow()).containsExactly(BOB, ALICE);
        assertThat(ledger.summarize(new UsageQuery(query.from(), query.to(), Optional.of(BOB), Optional.of("m2"),
                GroupBy.ACCOUNT))).isEmpty();
    }

    @Test
    void keepsWhatWasRecordedForTheNextProcess() throws Exception {
        ledger.record(usage(T0, ALICE, "m", "0.123456789012345678901234567890"));
        ledger.record(failed(T0.plusNanos(1), BOB, "m"));

        ledger = reopen(ledger);

        assertThat(ledger.spentSince(ALICE, T0)).isEqualByComparingTo("0.123456789012345678901234567890");
        assertThat(ledger.summarize(all(GroupBy.ACCOUNT))).hasSize(2);
    }

    @Test
    void recordsFromManyThreadsAtOnceAreAllCountedExactly() throws Exception {
        int threads = 16;
        int each = 25;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(executor.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        ledger.record(usage(T0.plusMillis(i), ALICE, "m", "0.001"));
                    }
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
        }

        assertThat(ledger.spentSince(ALICE, T0)).isEqualByComparingTo("0.4");
        assertThat(ledger.summarize(all(GroupBy.ACCOUNT))).singleElement()
                .satisfies(line -> assertThat(line.requests()).isEqualTo(threads * each));
    }

    /** Field by field; costs compared by value, since 0.30 and 0.3 are the same money. */
    public static void assertLine(UsageLine actual, UsageLine expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("costUsd").isEqualTo(expected);
        assertThat(actual.costUsd()).isEqualByComparingTo(expected.costUsd());
    }
}
