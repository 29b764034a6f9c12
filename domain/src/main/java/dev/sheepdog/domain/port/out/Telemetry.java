package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyEvent;
import dev.sheepdog.domain.model.ShadowComparison;
import java.time.Duration;

/** Telemetry: the domain reports what happened; an adapter turns it into metrics. */
public interface Telemetry {

    /** A completion ended: finished, failed, or cancelled by the client leaving. Called once per completion. */
    void completionEnded(CompletionRecord record);

    /** The time between two chunks with text of a live stream: how smoothly the answer flows. */
    default void tokenGap(EndpointId endpoint, String model, Duration gap) {
    }

    /** The canary controller or an operator decided about the canary; a roll-back is an alert. */
    default void canaryDecided(CanaryDecision decision) {
    }

    /** A request was mirrored to a shadow, and both answers are in. */
    default void shadowCompared(ShadowComparison comparison) {
    }

    /** A request picked for a shadow was not mirrored because the shadows were saturated. */
    default void shadowSkipped(EndpointId shadow) {
    }

    /**
     * An attempt on the endpoint was skipped, never sent, because its circuit is open: not a
     * completion, so not in {@link #completionEnded} nor in the endpoint's error rate.
     */
    default void attemptSkipped(EndpointId endpoint) {
    }

    /** Something happened to a key that operators must hear about. */
    default void keyEvent(KeyEvent event) {
    }

    /** Telemetry that records nothing, for tools and tests that do not measure. */
    Telemetry NONE = record -> { };
}
