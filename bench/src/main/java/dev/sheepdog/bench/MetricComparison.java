package dev.sheepdog.bench;

import static java.util.Objects.requireNonNull;

/**
 * One metric of target B beside target A's; a side without a sample is NaN, and so is what is derived from it.
 *
 * @param name  the metric's key in the JSON report, e.g. {@code ttft_p50_ms}
 * @param label how the table names it, e.g. {@code TTFT p50 (ms)}
 */
public record MetricComparison(String name, String label, double a, double b) {

    public MetricComparison {
        requireNonNull(name, "name");
        requireNonNull(label, "label");
    }

    /** B − A: positive when B's number is higher (slower, for a latency). */
    public double difference() {
        return b - a;
    }

    /** B / A; NaN when A is 0 or NaN (nothing to divide by). */
    public double ratio() {
        return a == 0 ? Double.NaN : b / a;
    }
}
