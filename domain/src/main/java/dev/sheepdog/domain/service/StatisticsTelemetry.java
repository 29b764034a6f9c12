package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyEvent;
import dev.sheepdog.domain.model.ShadowComparison;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Duration;

/** Feeds every completion into the endpoints' statistics, and passes everything on to the telemetry adapter. */
final class StatisticsTelemetry implements Telemetry {

    private final EndpointStatistics statistics;
    private final Telemetry next;

    StatisticsTelemetry(EndpointStatistics statistics, Telemetry next) {
        this.statistics = statistics;
        this.next = next;
    }

    @Override
    public void completionEnded(CompletionRecord record) {
        statistics.record(record);
        next.completionEnded(record);
    }

    @Override
    public void tokenGap(EndpointId endpoint, String model, Duration gap) {
        next.tokenGap(endpoint, model, gap);
    }

    @Override
    public void canaryDecided(CanaryDecision decision) {
        next.canaryDecided(decision);
    }

    @Override
    public void shadowCompared(ShadowComparison comparison) {
        next.shadowCompared(comparison);
    }

    @Override
    public void shadowSkipped(EndpointId shadow) {
        statistics.shadowSkipped(shadow);
        next.shadowSkipped(shadow);
    }

    @Override
    public void keyEvent(KeyEvent event) {
        next.keyEvent(event);
    }
}
