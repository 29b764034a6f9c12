package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyEvent;
import dev.sheepdog.domain.model.ShadowComparison;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Duration;

/** Telemetry that passes every event on to the next: a service overrides only the events it learns from. */
abstract class ForwardingTelemetry implements Telemetry {

    protected final Telemetry next;

    ForwardingTelemetry(Telemetry next) {
        this.next = next;
    }

    @Override
    public void completionEnded(CompletionRecord record) {
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
        next.shadowSkipped(shadow);
    }

    @Override
    public void attemptSkipped(EndpointId endpoint) {
        next.attemptSkipped(endpoint);
    }

    @Override
    public void keyEvent(KeyEvent event) {
        next.keyEvent(event);
    }
}
