package dev.sheepdog.adapter.out.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.TtftHistogram;
import dev.sheepdog.domain.model.WindowCounts;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * One endpoint's window as a gateway reports it: {@code {"requests","errors":{"<kind>":n},
 * "ttft_us":{"<bucket>":n},"completion_tokens","generation_nanos"}}, counts only, so that rows add up.
 */
final class WindowCountsJson {

    private WindowCountsJson() {
    }

    static ObjectNode write(WindowCounts window) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("requests", window.requests());
        ObjectNode errors = json.putObject("errors");
        window.errors().forEach((kind, count) -> errors.put(RouteJson.name(kind), count));
        ObjectNode ttft = json.putObject("ttft_us");
        window.ttft().counts().forEach((bucket, count) -> ttft.put(Long.toString(bucket), count));
        return json.put("completion_tokens", window.completionTokens())
                .put("generation_nanos", window.generationNanos());
    }

    static WindowCounts read(JsonNode json) {
        Map<FailureKind, Long> errors = new EnumMap<>(FailureKind.class);
        for (Map.Entry<String, JsonNode> error : json.required("errors").properties()) {
            errors.put(RouteJson.constant(FailureKind.class, JsonNodeFactory.instance.textNode(error.getKey())),
                    whole(error.getValue()));
        }
        Map<Long, Long> ttft = new HashMap<>();
        for (Map.Entry<String, JsonNode> bucket : json.required("ttft_us").properties()) {
            ttft.put(Long.parseLong(bucket.getKey()), whole(bucket.getValue()));
        }
        return new WindowCounts(whole(json.required("requests")), errors, new TtftHistogram(ttft),
                whole(json.required("completion_tokens")), whole(json.required("generation_nanos")));
    }

    private static long whole(JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("a count is not a whole number");
        }
        return value.longValue();
    }
}
