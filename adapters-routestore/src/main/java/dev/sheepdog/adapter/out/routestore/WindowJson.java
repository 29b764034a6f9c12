package dev.sheepdog.adapter.out.routestore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.WindowSummary;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * One endpoint's window in a decision: {@code {"requests","errors":{"<failure kind>":n},"ttft_p50","ttft_p95",
 * "ttft_p99","tokens_per_second"}}, durations as ISO-8601 strings so that every nanosecond survives.
 */
final class WindowJson {

    private static final Set<String> FIELDS =
            Set.of("requests", "errors", "ttft_p50", "ttft_p95", "ttft_p99", "tokens_per_second");

    private WindowJson() {
    }

    static ObjectNode toJson(WindowSummary window) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("requests", window.requests());
        ObjectNode errors = json.putObject("errors");
        // In the order of the kinds, so that two saves of the same numbers are the same bytes.
        Map<FailureKind, Long> inOrder = new EnumMap<>(FailureKind.class);
        inOrder.putAll(window.errors());
        inOrder.forEach((kind, count) -> errors.put(JsonFields.name(kind), count));
        return json.put("ttft_p50", window.ttftP50().toString())
                .put("ttft_p95", window.ttftP95().toString())
                .put("ttft_p99", window.ttftP99().toString())
                .put("tokens_per_second", window.tokensPerSecond());
    }

    static WindowSummary fromJson(JsonNode decision, String field, String decisionName) throws MalformedRouteFile {
        String where = "the " + field + " window of " + decisionName;
        JsonNode window = JsonFields.object(decision, field, decisionName);
        JsonFields.requireOnly(window, FIELDS, where);
        return new WindowSummary(JsonFields.whole(window, "requests", where),
                errors(JsonFields.object(window, "errors", where), where),
                JsonFields.duration(window, "ttft_p50", where),
                JsonFields.duration(window, "ttft_p95", where),
                JsonFields.duration(window, "ttft_p99", where),
                JsonFields.number(window, "tokens_per_second", where));
    }

    private static Map<FailureKind, Long> errors(JsonNode errors, String where) throws MalformedRouteFile {
        Map<FailureKind, Long> counts = new EnumMap<>(FailureKind.class);
        String what = "the errors of " + where;
        for (Map.Entry<String, JsonNode> entry : errors.properties()) {
            FailureKind kind = JsonFields.constant(entry.getKey(), FailureKind.class, "a failure kind in " + what);
            counts.put(kind, JsonFields.whole(errors, entry.getKey(), what));
        }
        return counts;
    }
}
