package dev.sheepdog.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of a benchmark: the settings it ran with, one report per target and, for two targets, their
 * comparison.
 *
 * @param requestsPerTarget measured requests sent to each target
 * @param concurrency       requests that were in flight at once (the plan's, capped by the number of requests)
 * @param wallSeconds       wall-clock time of the measured part, warm-up excluded
 */
public record BenchReport(String model, OptionalInt maxTokens, int requestsPerTarget, int concurrency, int warmup,
                          Duration timeout, double wallSeconds, List<TargetReport> targets,
                          Optional<Comparison> comparison) {

    public BenchReport {
        requireNonNull(model, "model");
        requireNonNull(maxTokens, "maxTokens");
        requireNonNull(timeout, "timeout");
        targets = List.copyOf(targets);
        requireNonNull(comparison, "comparison");
    }

    /** All measured requests, of every target, per second of wall-clock time. */
    public double requestsPerSecond() {
        long requests = targets.stream().mapToLong(TargetReport::requests).sum();
        return wallSeconds == 0 ? 0 : requests / wallSeconds;
    }

    /** True when some target completed no request at all: there is nothing to judge it by. */
    public boolean anyTargetAllFailed() {
        return targets.stream().anyMatch(target -> target.succeeded() == 0);
    }

    /** A table for people: one column per target and, when compared, B − A and B / A. */
    public String toTable() {
        return ReportTable.render(this);
    }

    /**
     * Every number, as one JSON object (times in milliseconds, rates per second; a summary with no sample is
     * {@code null}; a ratio with nothing to divide by is {@code null}):
     * <pre>{@code
     * {"model": "deepseek-v3.2", "max_tokens": null, "requests_per_target": 100, "concurrency": 8, "warmup": 10,
     *  "timeout_ms": 120000, "wall_seconds": 12.4, "requests_per_second": 8.06,
     *  "targets": [{"label": "A", "url": "http://localhost:8080/v1", "requests": 100, "succeeded": 99, "failed": 1,
     *               "errors": {"http_503": 1}, "tokens": 25012,
     *               "ttft_ms": {"count": 99, "avg": 310.2, "p50": 301.1, "p95": 402.4, "p99": 480.3, "max": 512.0},
     *               "total_ms": {"count": 99, "avg": ..., "p50": ..., "p95": ..., "p99": ..., "max": ...},
     *               "tokens_per_second": {"count": 99, "avg": 48.1, "p50": 49.0},
     *               "busy_seconds": 98.1, "requests_per_second": 8.15}],
     *  "comparison": null | {"ttft_p50_ms": {"a": 301.1, "b": 309.8, "difference": 8.7, "ratio": 1.029},
     *                        "ttft_p95_ms", "ttft_p99_ms", "total_p50_ms", "total_p99_ms",
     *                        "tokens_per_second_avg", "tokens_per_second_p50", "requests_per_second": {...}}}
     * }</pre>
     */
    public String toJson() {
        return ReportJson.render(this);
    }
}
