package dev.sheepdog.adapter.out.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.WindowSummary;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One endpoint's window in a decision, as in the route file: {@code {"requests","errors":{"<kind>":n},
 * "ttft_p50","ttft_p95","ttft_p99","tokens_per_second"}}, durations as ISO-8601 so every nanosecond survives.
 */
final class WindowJson {

    private WindowJson() {
    }

    static ObjectNode write(WindowSummary window) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("requests", window.requests());
        ObjectNode errors = json.putObject("errors");
        // In the order of the kinds, so that two saves of the same numbers are the same document.
        Map<FailureKind, Long> inOrder = new EnumMap<>(FailureKind.class);
        inOrder.putAll(window.errors());
        inOrder.forEach((kind, count) -> errors.put(RouteJson.name(kind), count));
        return json.put("ttft_p50", window.ttftP50().toString())
                .put("ttft_p95", window.ttftP95().toString())
                .put("ttft_p99", window.ttftP99().toString())
                .put("tokens_per_second", window.tokensPerSecond());
    }

    static WindowSummary read(JsonNode window) {
        Map<FailureKind, Long> errors = new EnumMap<>(FailureKind.class);
        for (Map.Entry<String, JsonNode> error : window.required("errors").properties()) {
            errors.put(RouteJson.constant(FailureKind.class, JsonNodeFactory.instance.textNode(error.getKey())),
                    whole(error.getValue()));
        }
        return new WindowSummary(whole(window.required("requests")), errors,
                Duration.parse(window.required("ttft_p50").textValue()),
                Duration.parse(window.required("ttft_p95").textValue()),
                Duration.parse(window.required("ttft_p99").textValue()),
                number(window.required("tokens_per_second")));
    }

    /** A double as written: jsonb keeps a number's digits, and JSON spells NaN and the infinities as strings. */
    static double number(JsonNode value) {
        return value.isTextual() ? Double.parseDouble(value.textValue()) : value.doubleValue();
    }

    private static long whole(JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("a count is not a whole number");
        }
        return value.longValue();
    }
}
