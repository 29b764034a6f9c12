package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.port.out.Telemetry;

/** Feeds every completion into the endpoints' statistics, and passes everything on to the telemetry adapter. */
final class StatisticsTelemetry extends ForwardingTelemetry {

    private final EndpointStatistics statistics;

    StatisticsTelemetry(EndpointStatistics statistics, Telemetry next) {
        super(next);
        this.statistics = statistics;
    }

    @Override
    public void completionEnded(CompletionRecord record) {
        statistics.record(record);
        next.completionEnded(record);
    }

    @Override
    public void shadowSkipped(EndpointId shadow) {
        statistics.shadowSkipped(shadow);
        next.shadowSkipped(shadow);
    }
}
