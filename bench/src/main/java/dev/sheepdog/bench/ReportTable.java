package dev.sheepdog.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/** Lays a {@link BenchReport} out as a plain-text table: a column per target, then B − A and B / A. */
final class ReportTable {

    private static final String NL = System.lineSeparator();

    private final BenchReport report;
    private final List<String[]> rows = new ArrayList<>();

    private ReportTable(BenchReport report) {
        this.report = report;
    }

    static String render(BenchReport report) {
        return new ReportTable(report).render();
    }

    private String render() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "sheepdog bench: model %s, %d requests per target at concurrency %d "
                        + "(%d warm-up), timeout %d s%s%n", report.model(), report.requestsPerTarget(),
                report.concurrency(), report.warmup(), report.timeout().toSeconds(),
                report.maxTokens().isPresent() ? ", max_tokens " + report.maxTokens().getAsInt() : ""));
        report.targets().forEach(target -> text.append(target.label()).append(" = ").append(target.url()).append(NL));
        text.append(NL);
        header();
        counts();
        timings("TTFT", TargetReport::ttft, "ttft");
        timings("total", TargetReport::total, "total");
        row("tokens/s avg", target -> decimal(target.tokensPerSecond().avg(), 1), "tokens_per_second_avg");
        row("tokens/s p50", target -> decimal(target.tokensPerSecond().p50(), 1), "tokens_per_second_p50");
        row("requests/s", target -> decimal(target.requestsPerSecond(), 2), "requests_per_second");
        layout(text);
        text.append(NL).append(String.format(Locale.ROOT, "wall clock %.1f s, %.2f requests/s overall%n",
                report.wallSeconds(), report.requestsPerSecond()));
        return text.toString();
    }

    private void header() {
        List<String> cells = new ArrayList<>(List.of(""));
        report.targets().forEach(target -> cells.add(target.label()));
        if (report.comparison().isPresent()) {
            cells.addAll(List.of("B - A", "B / A")); // ASCII: a terminal in the C locale prints "?" for "−"
        }
        rows.add(cells.toArray(String[]::new));
    }

    private void counts() {
        row("requests", target -> Long.toString(target.requests()), null);
        row("succeeded", target -> Long.toString(target.succeeded()), null);
        row("failed", target -> Long.toString(target.failed()), null);
        TreeSet<String> types = new TreeSet<>();
        report.targets().forEach(target -> types.addAll(target.errors().keySet()));
        for (String type : types) {
            row("  " + type, target -> Long.toString(target.errors().getOrDefault(type, 0L)), null);
        }
    }

    private void timings(String name, Function<TargetReport, LatencySummary> summary, String key) {
        row(name + " avg (ms)", target -> decimal(summary.apply(target).avgMs(), 1), null);
        row(name + " p50 (ms)", target -> decimal(summary.apply(target).p50Ms(), 1), key + "_p50_ms");
        row(name + " p95 (ms)", target -> decimal(summary.apply(target).p95Ms(), 1), key + "_p95_ms");
        row(name + " p99 (ms)", target -> decimal(summary.apply(target).p99Ms(), 1), key + "_p99_ms");
        row(name + " max (ms)", target -> decimal(summary.apply(target).maxMs(), 1), null);
    }

    private void row(String label, Function<TargetReport, String> cell, String comparedMetric) {
        List<String> cells = new ArrayList<>(List.of(label));
        report.targets().forEach(target -> cells.add(cell.apply(target)));
        report.comparison().ifPresent(comparison -> {
            Optional<MetricComparison> metric = comparison.metrics().stream()
                    .filter(candidate -> candidate.name().equals(comparedMetric)).findFirst();
            cells.add(metric.map(m -> signed(m.difference(), comparedMetric)).orElse(""));
            cells.add(metric.map(m -> Double.isNaN(m.ratio()) ? "-" : decimal(m.ratio(), 2) + "x").orElse(""));
        });
        rows.add(cells.toArray(String[]::new));
    }

    private void layout(StringBuilder text) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int column = 0; column < columns; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(pad(row[0], widths[0], false));
            for (int column = 1; column < columns; column++) {
                line.append("  ").append(pad(row[column], Math.max(widths[column], 8), true));
            }
            text.append(line.toString().stripTrailing()).append(NL);
        }
    }

    private static String pad(String cell, int width, boolean right) {
        String padding = " ".repeat(Math.max(0, width - cell.length()));
        return right ? padding + cell : cell + padding;
    }

    private static String signed(double value, String metric) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return (value >= 0 ? "+" : "") + decimal(value, metric.startsWith("requests") ? 2 : 1);
    }

    private static String decimal(double value, int places) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
