package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.SpendLine;
import dev.sheepdog.domain.model.SpendReport;
import dev.sheepdog.domain.port.in.ViewSpendUseCase;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /admin/spend}: what traffic cost since start, per model and endpoint, and per hour. */
final class SpendAdminRoutes {

    static final String SPEND = "/admin/spend";

    private final ViewSpendUseCase spend;
    private final ObjectMapper mapper;

    SpendAdminRoutes(ViewSpendUseCase spend, ObjectMapper mapper) {
        this.spend = spend;
        this.mapper = mapper;
    }

    void report(Context ctx) {
        SpendReport report = spend.spend();
        ObjectNode json = mapper.createObjectNode().put("since", report.since().toString());
        // Decimal amounts as JSON numbers with every digit: no float rounding on the way out.
        json.put("total_usd", report.totalUsd());
        ArrayNode models = json.putArray("models");
        for (SpendLine line : report.lines()) {
            models.addObject()
                    .put("model", line.model())
                    .put("endpoint", line.endpoint().value())
                    .put("traffic", line.traffic().name().toLowerCase(Locale.ROOT))
                    .put("requests", line.requests())
                    .put("input_tokens", line.inputTokens())
                    .put("output_tokens", line.outputTokens())
                    .put("cost_usd", line.costUsd())
                    .put("estimated_cost_usd", line.estimatedCostUsd())
                    .put("unpriced_requests", line.unpricedRequests())
                    .put("unpriced", line.unpricedRequests() > 0 && line.unpricedRequests() == line.requests());
        }
        ArrayNode hourly = json.putArray("hourly");
        for (Map.Entry<java.time.Instant, java.math.BigDecimal> hour : new TreeMap<>(report.hourlyUsd()).entrySet()) {
            hourly.addObject().put("hour", hour.getKey().toString()).put("cost_usd", hour.getValue());
        }
        ctx.contentType("application/json").result(json.toString());
    }
}
