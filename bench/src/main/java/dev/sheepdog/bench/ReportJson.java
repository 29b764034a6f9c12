package dev.sheepdog.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a {@link BenchReport} as the JSON documented on {@link BenchReport#toJson()}. */
final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static String render(BenchReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", report.model());
        if (report.maxTokens().isPresent()) {
            root.put("max_tokens", report.maxTokens().getAsInt());
        } else {
            root.putNull("max_tokens");
        }
        root.put("requests_per_target", report.requestsPerTarget());
        root.put("concurrency", report.concurrency());
        root.put("warmup", report.warmup());
        root.put("timeout_ms", report.timeout().toMillis());
        root.put("wall_seconds", report.wallSeconds());
        root.put("requests_per_second", report.requestsPerSecond());
        report.targets().forEach(target -> target(root.withArray("targets").addObject(), target));
        if (report.comparison().isPresent()) {
            ObjectNode comparison = root.putObject("comparison");
            report.comparison().get().metrics().forEach(metric -> metric(comparison.putObject(metric.name()), metric));
        } else {
            root.putNull("comparison");
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serializes", e);
        }
    }

    private static void target(ObjectNode node, TargetReport target) {
        node.put("label", target.label());
        node.put("url", target.url());
        node.put("requests", target.requests());
        node.put("succeeded", target.succeeded());
        node.put("failed", target.failed());
        ObjectNode errors = node.putObject("errors");
        target.errors().forEach(errors::put);
        node.put("tokens", target.tokens());
        latency(node, "ttft_ms", target.ttft());
        latency(node, "total_ms", target.total());
        if (target.tokensPerSecond().isEmpty()) {
            node.putNull("tokens_per_second");
        } else {
            node.putObject("tokens_per_second").put("count", target.tokensPerSecond().count())
                    .put("avg", target.tokensPerSecond().avg()).put("p50", target.tokensPerSecond().p50());
        }
        node.put("busy_seconds", target.busySeconds());
        node.put("requests_per_second", target.requestsPerSecond());
    }

    private static void latency(ObjectNode parent, String name, LatencySummary summary) {
        if (summary.isEmpty()) {
            parent.putNull(name);
            return;
        }
        parent.putObject(name).put("count", summary.count()).put("avg", summary.avgMs()).put("p50", summary.p50Ms())
                .put("p95", summary.p95Ms()).put("p99", summary.p99Ms()).put("max", summary.maxMs());
    }

    private static void metric(ObjectNode node, MetricComparison metric) {
        number(node, "a", metric.a());
        number(node, "b", metric.b());
        number(node, "difference", metric.difference());
        number(node, "ratio", metric.ratio());
    }

    // JSON has no NaN: a number that could not be measured is null.
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
