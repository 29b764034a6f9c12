package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyEvent;
import dev.sheepdog.domain.model.ShadowComparison;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Telemetry that keeps what it was told, for tests to read. */
public final class RecordingTelemetry implements Telemetry {

    private final List<CompletionRecord> completions = new CopyOnWriteArrayList<>();
    private final List<CanaryDecision> decisions = new CopyOnWriteArrayList<>();
    private final List<ShadowComparison> comparisons = new CopyOnWriteArrayList<>();
    private final List<EndpointId> skipped = new CopyOnWriteArrayList<>();
    private final List<KeyEvent> keyEvents = new CopyOnWriteArrayList<>();
    private final List<EndpointId> skippedAttempts = new CopyOnWriteArrayList<>();

    @Override
    public void completionEnded(CompletionRecord record) {
        completions.add(record);
    }

    @Override
    public void canaryDecided(CanaryDecision decision) {
        decisions.add(decision);
    }

    @Override
    public void shadowCompared(ShadowComparison comparison) {
        comparisons.add(comparison);
    }

    @Override
    public void shadowSkipped(EndpointId shadow) {
        skipped.add(shadow);
    }

    @Override
    public void attemptSkipped(EndpointId endpoint) {
        skippedAttempts.add(endpoint);
    }

    @Override
    public void keyEvent(KeyEvent event) {
        keyEvents.add(event);
    }

    public List<CompletionRecord> completions() {
        return List.copyOf(completions);
    }

    /** Every canary decision announced, in order. */
    public List<CanaryDecision> decisions() {
        return List.copyOf(decisions);
    }

    public List<ShadowComparison> comparisons() {
        return List.copyOf(comparisons);
    }

    /** The shadow of every copy skipped because the shadows were saturated, in order. */
    public List<EndpointId> skippedShadows() {
        return List.copyOf(skipped);
    }

    /** The endpoint of every attempt skipped for its open circuit, in order. */
    public List<EndpointId> skippedAttempts() {
        return List.copyOf(skippedAttempts);
    }

    /** Every key event reported, in order. */
    public List<KeyEvent> keyEvents() {
        return List.copyOf(keyEvents);
    }
}
