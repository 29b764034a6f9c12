package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.EndpointTraffic;
import dev.sheepdog.domain.model.TrafficReport;
import dev.sheepdog.domain.model.WindowSummary;
import java.util.Locale;

/** The traffic report as JSON: allocation, each endpoint's health, and the canary's decisions with their numbers. */
final class TrafficJson {

    private TrafficJson() {
    }

    static ObjectNode of(TrafficReport report, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode()
                .put("canary_weight", report.canaryWeight())
                .put("paused", report.paused());
        ArrayNode endpoints = json.putArray("endpoints");
        for (EndpointTraffic endpoint : report.endpoints()) {
            ObjectNode node = endpoints.addObject()
                    .put("id", endpoint.endpoint().value())
                    .put("base_url", endpoint.baseUrl().toString())
                    .put("role", name(endpoint.role()))
                    .put("share", endpoint.share())
                    .put("circuit", name(endpoint.circuit()))
                    .put("shadow_fraction", endpoint.shadowFraction())
                    .put("shadows_skipped", endpoint.shadowsSkipped());
            node.set("window", window(endpoint.window(), mapper));
        }
        ArrayNode decisions = json.putArray("decisions");
        for (CanaryDecision decision : report.decisions()) {
            ObjectNode node = decisions.addObject()
                    .put("at", decision.at().toString())
                    .put("action", name(decision.action()))
                    .put("weight_before", decision.weightBefore())
                    .put("weight_after", decision.weightAfter())
                    .put("reason", decision.reason());
            node.set("primary", window(decision.primary(), mapper));
            node.set("canary", window(decision.canary(), mapper));
        }
        return json;
    }

    static ObjectNode window(WindowSummary window, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode()
                .put("requests", window.requests())
                .put("error_rate", window.errorRate())
                .put("ttft_p50_ms", window.ttftP50().toNanos() / 1e6)
                .put("ttft_p95_ms", window.ttftP95().toNanos() / 1e6)
                .put("ttft_p99_ms", window.ttftP99().toNanos() / 1e6)
                .put("tokens_per_second", window.tokensPerSecond());
        ObjectNode errors = json.putObject("errors");
        window.errors().forEach((kind, count) -> errors.put(name(kind), count));
        return json;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
