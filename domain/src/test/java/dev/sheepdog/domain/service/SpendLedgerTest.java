package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KnownModels;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.PriceTable;
import dev.sheepdog.domain.model.SpendLine;
import dev.sheepdog.domain.model.SpendReport;
import dev.sheepdog.domain.model.Usage;
import dev.sheepdog.domain.port.out.RecordingTelemetry;
import dev.sheepdog.domain.testing.CapturedLog;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every completion is costed exactly, estimated ones marked, unpriced ones never counted as free. */
class SpendLedgerTest {

    private static final EndpointId HOLYSHEEP = new EndpointId("holysheep");

    private final ManualClock clock = new ManualClock();
    private final RecordingTelemetry next = new RecordingTelemetry();
    // llama-4 is configured on an endpoint but has no price; every other unpriced name is made up.
    private final KnownModels known = new KnownModels(Set.of("llama-4", "deepseek-v3.2", "gpt-4.1"), 0);
    private final SpendLedger ledger = new SpendLedger(PriceTable.DEFAULT, known, next, clock);
    private CapturedLog costLog;

    @BeforeEach
    void listenToTheCostLog() {
        costLog = CapturedLog.of("sheepdog.cost");
    }

    @AfterEach
    void stopListening() {
        costLog.close();
    }

    @Test
    void costsEachCompletionAtItsModelsPriceAndPassesTheCostOn() {
        ledger.completionEnded(record("deepseek-v3.2", Usage.reported(1000, 2000), CompletionRecord.Traffic.LIVE));

        assertThat(next.completions().getFirst().costUsd()).hasValueSatisfying(
                cost -> assertThat(cost).isEqualByComparingTo("0.00112"));
        SpendLine line = ledger.spend().lines().getFirst();
        assertThat(line.inputTokens()).isEqualTo(1000);
        assertThat(line.outputTokens()).isEqualTo(2000);
        assertThat(line.costUsd()).isEqualByComparingTo("0.00112");
    }

    @Test
    void aStreamTheClientLeftIsCostedFromItsEstimateAndMarked() {
        ledger.completionEnded(record("gpt-4.1", Usage.estimated(100, 50), CompletionRecord.Traffic.LIVE));

        SpendLine line = ledger.spend().lines().getFirst();
        assertThat(line.costUsd()).isEqualByComparingTo("0.0006");
        assertThat(line.estimatedCostUsd()).isEqualByComparingTo("0.0006");
    }

    @Test
    void aModelWithoutAPriceIsUnpricedNotFree() {
        ledger.completionEnded(record("llama-4", Usage.reported(1000, 1000), CompletionRecord.Traffic.LIVE));
        ledger.completionEnded(record("llama-4", Usage.reported(10, 10), CompletionRecord.Traffic.LIVE));

        SpendLine line = ledger.spend().lines().getFirst();
        assertThat(line.unpricedRequests()).isEqualTo(2);
        assertThat(line.requests()).isEqualTo(2);
        assertThat(next.completions()).allSatisfy(record -> assertThat(record.costUsd()).isEmpty());
    }

    @Test
    void totalsLiveTrafficByModelEndpointAndHour() {
        ledger.completionEnded(record("deepseek-v3.2", Usage.reported(0, 1_000_000), CompletionRecord.Traffic.LIVE));
        clock.advance(Duration.ofHours(1));
        ledger.completionEnded(record("gpt-4.1", Usage.reported(0, 1_000_000), CompletionRecord.Traffic.LIVE));
        ledger.completionEnded(record("gpt-4.1", Usage.reported(0, 1_000_000), CompletionRecord.Traffic.SHADOW));

        SpendReport spend = ledger.spend();
        assertThat(spend.totalUsd()).as("shadow copies are not the users' spend").isEqualByComparingTo("8.42");
        assertThat(spend.lines()).hasSize(3);
        assertThat(spend.hourlyUsd().values()).containsExactlyInAnyOrder(new BigDecimal("0.42"), new BigDecimal("8"));
    }

    @Test
    void modelNamesCallersMakeUpShareOneLineAndOneWarning() {
        for (int i = 0; i < 5_000; i++) {
            ledger.completionEnded(record("made-up-" + i, Usage.reported(10, 10), CompletionRecord.Traffic.LIVE));
        }
        ledger.completionEnded(record("llama-4", Usage.reported(10, 10), CompletionRecord.Traffic.LIVE));
        ledger.completionEnded(record("llama-4", Usage.reported(10, 10), CompletionRecord.Traffic.LIVE));

        assertThat(ledger.spend().lines()).extracting(SpendLine::model).containsExactly("llama-4", "other");
        assertThat(ledger.spend().lines().getLast().unpricedRequests()).isEqualTo(5_000);
        List<String> warnings = costLog.lines(Level.WARNING);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.getFirst()).contains("'other'").doesNotContain("made-up");
        assertThat(warnings.getLast()).contains("model llama-4 has no price");
        assertThat(next.completions().getFirst().model()).as("the telemetry still hears the real name")
                .isEqualTo("made-up-0");
    }

    @Test
    void aKnownModelKeepsItsOwnLineAndItsPrice() {
        ledger.completionEnded(record("deepseek-v3.2", Usage.reported(0, 1_000_000), CompletionRecord.Traffic.LIVE));
        ledger.completionEnded(record("made-up", Usage.reported(0, 1_000_000), CompletionRecord.Traffic.LIVE));

        assertThat(ledger.spend().lines()).extracting(SpendLine::model).containsExactly("deepseek-v3.2", "other");
        assertThat(ledger.spend().lines().getFirst().costUsd()).isEqualByComparingTo("0.42");
    }

    private static CompletionRecord record(String model, Usage usage, CompletionRecord.Traffic traffic) {
        return new CompletionRecord(HOLYSHEEP, traffic, model, CompletionOutcome.COMPLETED, Optional.empty(),
                Optional.of(Duration.ofMillis(200)), Duration.ofSeconds(2), usage, 10);
    }
}
