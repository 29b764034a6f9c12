package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.health.ReadinessReport;

/**
 * The body of {@code /readyz}: {@code {"status":"ready"}}, {@code "starting"}, {@code "draining"}, or
 * {@code "degraded"} with its {@code reasons}; nothing else, so a probe never learns a secret.
 */
final class ReadinessJson {

    private ReadinessJson() {
    }

    static ObjectNode of(ReadinessReport report, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode().put("status", status(report));
        if (report.degraded()) {
            ArrayNode reasons = json.putArray("reasons");
            report.degradations().forEach(reasons::add);
        }
        return json;
    }

    private static String status(ReadinessReport report) {
        return switch (report.phase()) {
            case STARTING -> "starting";
            case DRAINING -> "draining";
            case READY -> report.degraded() ? "degraded" : "ready";
        };
    }
}
