package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.TrafficReport;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * {@code /admin/traffic}: the traffic allocation report in one GET, and the operator's hand on the
 * canary: set its weight, pause or resume the controller, promote, roll back.
 */
final class TrafficAdminRoutes {

    static final String TRAFFIC = "/admin/traffic";
    static final String CANARY = TRAFFIC + "/canary";

    private final TrafficAdministration traffic;
    private final ObjectMapper mapper;

    TrafficAdminRoutes(TrafficAdministration traffic, ObjectMapper mapper) {
        this.traffic = traffic;
        this.mapper = mapper;
    }

    void report(Context ctx) {
        send(ctx, traffic.view().traffic());
    }

    void setWeight(Context ctx) throws InvalidRequestException {
        send(ctx, traffic.setWeight().setCanaryWeight(weight(ctx), AdminActor.of(ctx)));
    }

    void pause(Context ctx) {
        send(ctx, traffic.pause().setCanaryPaused(true, AdminActor.of(ctx)));
    }

    void resume(Context ctx) {
        send(ctx, traffic.pause().setCanaryPaused(false, AdminActor.of(ctx)));
    }

    void promote(Context ctx) {
        send(ctx, traffic.promote().promoteCanary(AdminActor.of(ctx)));
    }

    void rollBack(Context ctx) {
        send(ctx, traffic.rollBack().rollBackCanary(AdminActor.of(ctx)));
    }

    private void send(Context ctx, TrafficReport report) {
        ctx.contentType("application/json").result(TrafficJson.of(report, mapper).toString());
    }

    private double weight(Context ctx) throws InvalidRequestException {
        try {
            JsonNode body = mapper.readTree(ctx.bodyAsBytes());
            JsonNode weight = body == null ? null : body.get("weight");
            if (weight != null && weight.isNumber()) {
                return weight.asDouble();
            }
        } catch (IOException notJson) {
            // answered below
        }
        throw InvalidRequestException.of("The body must be {\"weight\": <0 to 1>}.", "weight", "invalid_value");
    }
}
