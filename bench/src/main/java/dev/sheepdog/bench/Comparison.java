package dev.sheepdog.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The gateway-vs-direct view: each key metric of B beside A's, with B − A and B / A. */
public record Comparison(List<MetricComparison> metrics) {

    public Comparison {
        metrics = List.copyOf(metrics);
    }

    public static Comparison of(TargetReport a, TargetReport b) {
        List<MetricComparison> metrics = new ArrayList<>();
        add(metrics, "ttft_p50_ms", "TTFT p50 (ms)", a, b, report -> report.ttft().p50Ms());
        add(metrics, "ttft_p95_ms", "TTFT p95 (ms)", a, b, report -> report.ttft().p95Ms());
        add(metrics, "ttft_p99_ms", "TTFT p99 (ms)", a, b, report -> report.ttft().p99Ms());
        add(metrics, "total_p50_ms", "total p50 (ms)", a, b, report -> report.total().p50Ms());
        add(metrics, "total_p99_ms", "total p99 (ms)", a, b, report -> report.total().p99Ms());
        add(metrics, "tokens_per_second_avg", "tokens/s avg", a, b, report -> report.tokensPerSecond().avg());
        add(metrics, "tokens_per_second_p50", "tokens/s p50", a, b, report -> report.tokensPerSecond().p50());
        add(metrics, "requests_per_second", "requests/s", a, b, TargetReport::requestsPerSecond);
        return new Comparison(metrics);
    }

    private static void add(List<MetricComparison> metrics, String name, String label, TargetReport a,
                            TargetReport b, ToDoubleFunction<TargetReport> value) {
        metrics.add(new MetricComparison(name, label, value.applyAsDouble(a), value.applyAsDouble(b)));
    }

    /** The metric named {@code name} (its key in the JSON report). */
    public MetricComparison metric(String name) {
        return metrics.stream().filter(metric -> metric.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no compared metric " + name));
    }
}
