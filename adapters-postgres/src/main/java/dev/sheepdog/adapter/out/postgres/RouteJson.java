package dev.sheepdog.adapter.out.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.RouteState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The route state as JSON, in the format of the file store's route file (version 1):
 * {@code {"version":1,"canary_weight","paused","healthy_streak","unhealthy_streak","roles":{"<id>":"<role>"},
 * "decisions":[{"at","action","weight_before","weight_after","reason","primary","canary"}]}}.
 */
final class RouteJson {

    static final int VERSION = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RouteJson() {
    }

    static ObjectNode write(RouteState state) {
        ObjectNode document = NODES.objectNode()
                .put("version", VERSION)
                .put("canary_weight", state.canaryWeight())
                .put("paused", state.paused())
                .put("healthy_streak", state.healthyStreak())
                .put("unhealthy_streak", state.unhealthyStreak());
        ObjectNode roles = document.putObject("roles");
        state.roles().forEach((endpoint, role) -> roles.put(endpoint.value(), name(role)));
        ArrayNode decisions = document.putArray("decisions");
        for (CanaryDecision decision : state.decisions()) {
            ObjectNode json = decisions.addObject()
                    .put("at", decision.at().toString())
                    .put("action", name(decision.action()))
                    .put("weight_before", decision.weightBefore())
                    .put("weight_after", decision.weightAfter())
                    .put("reason", decision.reason());
            json.set("primary", WindowJson.write(decision.primary()));
            json.set("canary", WindowJson.write(decision.canary()));
        }
        return document;
    }

    /**
     * The state in a document.
     *
     * @throws RuntimeException when it is not one this Sheepdog reads (a missing field, another version)
     */
    static RouteState read(JsonNode document) {
        int version = document.required("version").asInt();
        if (version != VERSION) {
            throw new IllegalArgumentException("it has format version " + version + " and this Sheepdog reads "
                    + VERSION + " only; was it written by a newer Sheepdog?");
        }
        Map<EndpointId, EndpointRole> roles = new HashMap<>();
        for (Map.Entry<String, JsonNode> role : document.required("roles").properties()) {
            roles.put(new EndpointId(role.getKey()), constant(EndpointRole.class, role.getValue()));
        }
        List<CanaryDecision> decisions = new ArrayList<>();
        for (JsonNode decision : document.required("decisions")) {
            decisions.add(new CanaryDecision(Instant.parse(decision.required("at").textValue()),
                    constant(CanaryDecision.Action.class, decision.required("action")),
                    WindowJson.number(decision.required("weight_before")),
                    WindowJson.number(decision.required("weight_after")),
                    WindowJson.read(decision.required("primary")), WindowJson.read(decision.required("canary")),
                    decision.required("reason").textValue()));
        }
        return new RouteState(roles, WindowJson.number(document.required("canary_weight")),
                document.required("paused").booleanValue(), document.required("healthy_streak").intValue(),
                document.required("unhealthy_streak").intValue(), decisions);
    }

    /** An enum constant as the route file spells it: {@code STEP_UP} is {@code step_up}. */
    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E constant(Class<E> type, JsonNode name) {
        return Enum.valueOf(type, name.textValue().toUpperCase(Locale.ROOT));
    }
}
