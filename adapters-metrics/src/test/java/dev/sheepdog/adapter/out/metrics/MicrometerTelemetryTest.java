package dev.sheepdog.adapter.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.KeyEvent;
import dev.sheepdog.domain.model.KnownModels;
import dev.sheepdog.domain.model.ShadowComparison;
import dev.sheepdog.domain.model.Usage;
import dev.sheepdog.domain.model.WindowSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Scripted completions and events appear in Prometheus' text with the right names, labels and values. */
class MicrometerTelemetryTest {

    private static final EndpointId HOLYSHEEP = new EndpointId("holysheep");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerTelemetry telemetry = new MicrometerTelemetry(registry,
            new KnownModels(Set.of("deepseek-v3.2"), 0));

    @Test
    void countsCompletionsByOutcomeAndErrorType() {
        telemetry.completionEnded(record(CompletionOutcome.COMPLETED, Optional.empty(), Optional.of(new BigDecimal("0.01"))));
        telemetry.completionEnded(record(CompletionOutcome.COMPLETED, Optional.empty(), Optional.of(new BigDecimal("0.01"))));
        telemetry.completionEnded(record(CompletionOutcome.FAILED, Optional.of(FailureKind.UPSTREAM_UNAVAILABLE),
                Optional.of(BigDecimal.ZERO)));

        String scrape = registry.scrape();
        assertThat(scrape).contains("sheepdog_requests_total{endpoint=\"holysheep\",error=\"none\",model=\"deepseek-v3.2\","
                + "outcome=\"completed\",traffic=\"live\"} 2.0");
        assertThat(scrape).contains("error=\"upstream_unavailable\",model=\"deepseek-v3.2\",outcome=\"failed\"");
    }

    @Test
    void recordsTimeToFirstTokenDurationTokensAndCost() {
        telemetry.completionEnded(record(CompletionOutcome.COMPLETED, Optional.empty(), Optional.of(new BigDecimal("0.02"))));

        String scrape = registry.scrape();
        assertThat(scrape).contains("sheepdog_time_to_first_token_seconds_bucket{endpoint=\"holysheep\","
                + "model=\"deepseek-v3.2\",traffic=\"live\",le=\"0.3\"} 1");
        assertThat(scrape).contains("sheepdog_time_to_first_token_seconds_bucket{endpoint=\"holysheep\","
                + "model=\"deepseek-v3.2\",traffic=\"live\",le=\"0.2\"} 0");
        assertThat(scrape).contains("sheepdog_stream_duration_seconds_count{endpoint=\"holysheep\",model=\"deepseek-v3.2\","
                + "outcome=\"completed\",traffic=\"live\"} 1");
        assertThat(scrape).contains("sheepdog_tokens_total{direction=\"input\",endpoint=\"holysheep\",estimated=\"false\","
                + "model=\"deepseek-v3.2\",traffic=\"live\"} 120.0");
        assertThat(scrape).contains("sheepdog_tokens_total{direction=\"output\",endpoint=\"holysheep\",estimated=\"false\","
                + "model=\"deepseek-v3.2\",traffic=\"live\"} 480.0");
        assertThat(scrape).contains("sheepdog_cost_usd_total{endpoint=\"holysheep\",model=\"deepseek-v3.2\",traffic=\"live\"} 0.02");
    }

    @Test
    void anUnpricedModelIsCountedAsUnpricedNotAsFree() {
        telemetry.completionEnded(record(CompletionOutcome.COMPLETED, Optional.empty(), Optional.empty()));

        String scrape = registry.scrape();
        assertThat(scrape).contains("sheepdog_unpriced_requests_total{endpoint=\"holysheep\",model=\"deepseek-v3.2\"} 1.0");
        assertThat(scrape).doesNotContain("sheepdog_cost_usd_total{");
    }

    @Test
    void recordsTokenGapsDecisionsKeyEventsAndShadows() {
        telemetry.tokenGap(HOLYSHEEP, "deepseek-v3.2", Duration.ofMillis(18));
        telemetry.canaryDecided(new CanaryDecision(Instant.EPOCH, CanaryDecision.Action.ROLL_BACK, 0.3, 0,
                WindowSummary.EMPTY, WindowSummary.EMPTY, "clearly worse"));
        telemetry.keyEvent(new KeyEvent(KeyEvent.Kind.DISABLED, HOLYSHEEP, "ab12cd34", "refused"));
        telemetry.keyEvent(new KeyEvent(KeyEvent.Kind.REFUSAL_NOT_CONFIRMED, HOLYSHEEP, "ab12cd34", "accepted"));
        CompletionRecord live = record(CompletionOutcome.COMPLETED, Optional.empty(), Optional.empty());
        CompletionRecord shadow = new CompletionRecord(new EndpointId("shadow"), CompletionRecord.Traffic.SHADOW,
                "deepseek-v3.2", CompletionOutcome.COMPLETED, Optional.empty(), Optional.of(Duration.ofMillis(500)),
                Duration.ofSeconds(3), Usage.reported(120, 400), 400);
        telemetry.shadowCompared(new ShadowComparison(live, shadow));
        telemetry.shadowSkipped(new EndpointId("shadow"));

        String scrape = registry.scrape();
        assertThat(scrape).contains("sheepdog_time_between_tokens_seconds_bucket{endpoint=\"holysheep\","
                + "model=\"deepseek-v3.2\",le=\"0.02\"} 1");
        assertThat(scrape).contains("sheepdog_canary_decisions_total{action=\"roll_back\"} 1.0");
        assertThat(scrape).contains("sheepdog_canary_rollbacks_total 1.0");
        assertThat(scrape).contains("sheepdog_key_events_total{endpoint=\"holysheep\",kind=\"disabled\"} 1.0");
        assertThat(scrape).contains(
                "sheepdog_key_events_total{endpoint=\"holysheep\",kind=\"refusal_not_confirmed\"} 1.0");
        assertThat(scrape).contains("sheepdog_shadow_comparisons_total{live_outcome=\"completed\",shadow=\"shadow\","
                + "shadow_outcome=\"completed\"} 1.0");
        assertThat(scrape).contains("sheepdog_shadow_ttft_ratio_count{shadow=\"shadow\"} 1");
        assertThat(scrape).contains("sheepdog_shadow_skipped_total{shadow=\"shadow\"} 1.0");
        assertEveryMetricHasItsDocumentedType(scrape);
    }

    /** README.md's table of metrics says each one's Prometheus type; the scrape's {@code # TYPE} lines must agree. */
    private static void assertEveryMetricHasItsDocumentedType(String scrape) {
        Map<String, String> documented = new HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(sheepdog_[a-z_]+)[^`]*` \\| ([a-z]+) \\|").matcher(readme());
        while (row.find()) {
            documented.put(row.group(1).replaceFirst("_total$", ""), row.group(2));
        }
        Matcher type = Pattern.compile("(?m)^# TYPE (sheepdog_[a-z_]+) ([a-z]+)$").matcher(scrape);
        int checked = 0;
        while (type.find()) {
            String name = type.group(1).replaceFirst("_total$", "");
            if (name.endsWith("_max") && documented.containsKey(name.substring(0, name.length() - 4))) {
                continue; // Micrometer's gauge of a histogram's largest recent value
            }
            assertThat(documented).as("README.md documents %s", name).containsKey(name);
            assertThat(type.group(2)).as("the type of %s", name).isEqualTo(documented.get(name));
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    private static String readme() {
        try {
            return Files.readString(Path.of("..", "README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void modelNamesCallersMakeUpShareTheLabelOtherSoNoRequestAddsASeries() {
        telemetry.completionEnded(record(CompletionOutcome.COMPLETED, Optional.empty(), Optional.empty()));
        telemetry.tokenGap(HOLYSHEEP, "deepseek-v3.2", Duration.ofMillis(18));
        long seriesOfOneModel = series(registry.scrape());
        for (int i = 0; i < 5_000; i++) {
            String madeUp = "made-up-" + i;
            telemetry.completionEnded(new CompletionRecord(HOLYSHEEP, CompletionRecord.Traffic.LIVE, madeUp,
                    CompletionOutcome.COMPLETED, Optional.empty(), Optional.of(Duration.ofMillis(250)),
                    Duration.ofSeconds(4), Usage.reported(120, 480), 480, Optional.empty()));
            telemetry.tokenGap(HOLYSHEEP, madeUp, Duration.ofMillis(18));
        }

        String scrape = registry.scrape();
        assertThat(series(scrape)).as("the made-up names add one set of series, like one more model")
                .isEqualTo(2 * seriesOfOneModel);
        assertThat(scrape).contains("sheepdog_requests_total{endpoint=\"holysheep\",error=\"none\",model=\"other\","
                + "outcome=\"completed\",traffic=\"live\"} 5000.0");
        assertThat(scrape).contains("sheepdog_time_between_tokens_seconds_count{endpoint=\"holysheep\",model=\"other\"} 5000");
        assertThat(scrape).doesNotContain("made-up");
    }

    @Test
    void measuresActiveStreamsAndTheLatencyTheGatewayAdds() {
        StreamMetrics streams = new StreamMetrics(registry);
        streams.streamOpened();
        streams.streamOpened();
        streams.streamClosed();
        streams.firstChunkDelivered(Duration.ofNanos(300_000), Duration.ofNanos(80_000));

        String scrape = registry.scrape();
        assertThat(scrape).contains("sheepdog_active_streams 1.0");
        assertThat(scrape).contains("sheepdog_added_latency_seconds_bucket{stage=\"before_upstream\",le=\"5.0E-4\"} 1");
        assertThat(scrape).contains("sheepdog_added_latency_seconds_bucket{stage=\"after_first_token\",le=\"1.0E-4\"} 1");
    }

    private static long series(String scrape) {
        return scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count();
    }

    private static CompletionRecord record(CompletionOutcome outcome, Optional<FailureKind> failure,
                                           Optional<BigDecimal> cost) {
        return new CompletionRecord(HOLYSHEEP, CompletionRecord.Traffic.LIVE, "deepseek-v3.2", outcome, failure,
                Optional.of(Duration.ofMillis(250)), Duration.ofSeconds(4), Usage.reported(120, 480), 480, cost);
    }
}
