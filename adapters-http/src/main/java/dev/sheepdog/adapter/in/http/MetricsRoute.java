package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;

/** {@code GET /metrics} in Prometheus' text format, behind its own bearer token when one is set. */
final class MetricsRoute {

    private static final ApiError UNAUTHORIZED = new ApiError(401,
            "The metrics need 'Authorization: Bearer <SHEEPDOG_METRICS_TOKEN>'.", "authentication_error", null,
            "invalid_metrics_token");

    private MetricsRoute() {
    }

    static void register(JavalinConfig config, Observability metrics, ObjectMapper mapper) {
        metrics.token().ifPresent(token -> config.routes.before("/metrics",
                new BearerCheck(token, "sheepdog-metrics", UNAUTHORIZED, FailedAttempts.perMinute(10), mapper)));
        config.routes.get("/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape().get()));
    }
}
