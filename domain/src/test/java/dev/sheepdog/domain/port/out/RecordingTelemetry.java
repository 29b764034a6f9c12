package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.CompletionRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Telemetry that keeps what it was told, for tests to read. */
public final class RecordingTelemetry implements Telemetry {

    private final List<CompletionRecord> completions = new CopyOnWriteArrayList<>();

    @Override
    public void completionEnded(CompletionRecord record) {
        completions.add(record);
    }

    public List<CompletionRecord> completions() {
        return List.copyOf(completions);
    }
}
