package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.CompletionRecord;

/** Telemetry: the domain reports what happened; an adapter turns it into metrics. */
public interface Telemetry {

    /** A completion ended: finished, failed, or cancelled by the client leaving. Called once per completion. */
    void completionEnded(CompletionRecord record);

    /** Telemetry that records nothing, for tools and tests that do not measure. */
    Telemetry NONE = record -> { };
}
