package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.Usage;
import dev.sheepdog.domain.model.UsageEstimate;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Passes a provider's stream through unchanged while watching it, and reports the completion to
 * telemetry exactly once: at its terminal event, or when it is closed early because the client
 * left, with the tokens delivered until then. An attempt skipped for an open circuit was never
 * sent: it is reported as skipped, not as a completion.
 */
final class ObservedStream implements CompletionStream {

    private final CompletionStream inner;
    private final EndpointId endpoint;
    private final CompletionRecord.Traffic traffic;
    private final CompletionRequest request;
    private final Telemetry telemetry;
    private final Clock clock;
    private final Instant started;
    private final AtomicBoolean reported = new AtomicBoolean();
    private Instant firstChunk;
    private Instant lastText;
    private Usage usage;
    private int textChunks;

    ObservedStream(CompletionStream inner, EndpointId endpoint, CompletionRecord.Traffic traffic,
                   CompletionRequest request, Telemetry telemetry, Clock clock, Instant started) {
        this.inner = inner;
        this.endpoint = endpoint;
        this.traffic = traffic;
        this.request = request;
        this.telemetry = telemetry;
        this.clock = clock;
        this.started = started;
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        Optional<CompletionEvent> next = inner.poll(maxWait);
        next.ifPresent(this::observe);
        return next;
    }

    @Override
    public void close() {
        report(CompletionOutcome.CANCELLED, Optional.empty());
        inner.close();
    }

    private void observe(CompletionEvent event) {
        switch (event) {
            case CompletionEvent.Chunk chunk -> {
                if (firstChunk == null) {
                    firstChunk = clock.instant();
                }
                if (chunk.written()) {
                    textChunks++;
                    Instant now = clock.instant();
                    if (lastText != null && traffic == CompletionRecord.Traffic.LIVE) {
                        telemetry.tokenGap(endpoint, request.model(), Duration.between(lastText, now));
                    }
                    lastText = now;
                }
            }
            case CompletionEvent.UsageReport report -> usage = report.usage();
            case CompletionEvent.End end -> report(CompletionOutcome.COMPLETED, Optional.empty());
            case CompletionEvent.Failed failed when failed.failure().kind() == FailureKind.CIRCUIT_OPEN
                    && firstChunk == null -> skipped();
            case CompletionEvent.Failed failed -> report(
                    failed.failure().kind() == FailureKind.CANCELLED ? CompletionOutcome.CANCELLED
                            : CompletionOutcome.FAILED, Optional.of(failed.failure().kind()));
        }
    }

    // Nothing was sent: no completion to count, and nothing for the endpoint's error rate.
    private void skipped() {
        if (reported.compareAndSet(false, true)) {
            telemetry.attemptSkipped(endpoint);
        }
    }

    private void report(CompletionOutcome outcome, Optional<FailureKind> failure) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        Instant now = clock.instant();
        telemetry.completionEnded(new CompletionRecord(endpoint, traffic, request.model(), outcome,
                outcome == CompletionOutcome.FAILED ? failure : Optional.empty(),
                Optional.ofNullable(firstChunk).map(first -> Duration.between(started, first)),
                Duration.between(started, now),
                usage != null ? usage : UsageEstimate.of(request, textChunks), textChunks));
    }
}
