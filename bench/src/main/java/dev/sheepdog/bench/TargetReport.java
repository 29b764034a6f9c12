package dev.sheepdog.bench;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured results of one target.
 *
 * @param label             {@code A} or {@code B}
 * @param url               the base URL, without credentials
 * @param requests          measured requests sent to it
 * @param succeeded         requests whose stream completed; timings and tokens/s are theirs only
 * @param errors            failed requests by error type, sorted by type
 * @param tokens            completion tokens of the completed requests
 * @param busySeconds       time spent on its requests, summed over all of them
 * @param requestsPerSecond requests / (busySeconds / concurrency): the rate the workers reach on this target, which
 *                          in a single-target run equals the wall-clock rate but for the client's own overhead
 */
public record TargetReport(String label, String url, long requests, long succeeded, Map<String, Long> errors,
                           LatencySummary ttft, LatencySummary total, ThroughputSummary tokensPerSecond,
                           long tokens, double busySeconds, double requestsPerSecond) {

    public TargetReport {
        requireNonNull(label, "label");
        requireNonNull(url, "url");
        errors = Collections.unmodifiableMap(new TreeMap<>(errors));
        requireNonNull(ttft, "ttft");
        requireNonNull(total, "total");
        requireNonNull(tokensPerSecond, "tokensPerSecond");
    }

    public long failed() {
        return requests - succeeded;
    }
}
