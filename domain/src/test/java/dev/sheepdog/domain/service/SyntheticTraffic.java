package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CompletionOutcome;
import dev.sheepdog.domain.model.CompletionRecord;
import dev.sheepdog.domain.model.CompletionRecord.Traffic;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.Usage;
import java.time.Duration;
import java.util.Optional;

/** Completion records made up by a test, with the times to first token and the outcomes it chose. */
final class SyntheticTraffic {

    private SyntheticTraffic() {
    }

    /** A live answer that finished: its first token after {@code ttft}, then {@code tokens} tokens over {@code generating}. */
    static CompletionRecord answered(EndpointId endpoint, Duration ttft, long tokens, Duration generating) {
        return new CompletionRecord(endpoint, Traffic.LIVE, "m", CompletionOutcome.COMPLETED, Optional.empty(),
                Optional.of(ttft), ttft.plus(generating), Usage.reported(10, tokens), (int) tokens);
    }

    static CompletionRecord answered(EndpointId endpoint, Duration ttft) {
        return answered(endpoint, ttft, 20, Duration.ofSeconds(1));
    }

    /** A live request that failed before any token. */
    static CompletionRecord failed(EndpointId endpoint, FailureKind kind) {
        return new CompletionRecord(endpoint, Traffic.LIVE, "m", CompletionOutcome.FAILED, Optional.of(kind),
                Optional.empty(), Duration.ofMillis(50), Usage.estimated(10, 0), 0);
    }

    /** A live answer the client left after its first token. */
    static CompletionRecord cancelled(EndpointId endpoint, Duration ttft) {
        return new CompletionRecord(endpoint, Traffic.LIVE, "m", CompletionOutcome.CANCELLED, Optional.empty(),
                Optional.of(ttft), ttft.plusMillis(300), Usage.estimated(10, 3), 3);
    }

    /**
     * {@code requests} live requests to one endpoint, {@code errors} of them failing with a 5xx, the
     * others answered with first tokens spread evenly from half to one and a half times {@code typical}
     * (so the p95 is about 1.45 times it, and two sides with the same spread compare by their typicals).
     */
    static void feed(EndpointStatistics statistics, EndpointId endpoint, int requests, Duration typical, int errors) {
        int answered = requests - errors;
        for (int i = 0; i < answered; i++) {
            long nanos = typical.toNanos() / 2 + typical.toNanos() * i / Math.max(1, answered - 1);
            statistics.record(answered(endpoint, Duration.ofNanos(nanos)));
        }
        for (int i = 0; i < errors; i++) {
            statistics.record(failed(endpoint, FailureKind.UPSTREAM_UNAVAILABLE));
        }
    }
}
