package dev.sheepdog.adapter.out.routestore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CanaryDecision.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One decision of the audit trail: {@code {"at","action","weight_before","weight_after","reason","primary","canary"}},
 * each window a {@link WindowJson}.
 */
final class DecisionJson {

    private static final Set<String> FIELDS =
            Set.of("at", "action", "weight_before", "weight_after", "reason", "primary", "canary");

    private DecisionJson() {
    }

    static ArrayNode toJson(List<CanaryDecision> decisions) {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        decisions.forEach(decision -> json.add(toJson(decision)));
        return json;
    }

    static List<CanaryDecision> fromJson(JsonNode decisions) throws MalformedRouteFile {
        List<CanaryDecision> read = new ArrayList<>();
        for (JsonNode decision : decisions) {
            read.add(fromJson(decision, "decision " + (read.size() + 1)));
        }
        return read;
    }

    private static ObjectNode toJson(CanaryDecision decision) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("at", decision.at().toString())
                .put("action", JsonFields.name(decision.action()))
                .put("weight_before", decision.weightBefore())
                .put("weight_after", decision.weightAfter())
                .put("reason", decision.reason());
        json.set("primary", WindowJson.toJson(decision.primary()));
        json.set("canary", WindowJson.toJson(decision.canary()));
        return json;
    }

    private static CanaryDecision fromJson(JsonNode decision, String where) throws MalformedRouteFile {
        if (!decision.isObject()) {
            throw new MalformedRouteFile(where + " is not a JSON object");
        }
        JsonFields.requireOnly(decision, FIELDS, where);
        return new CanaryDecision(JsonFields.instant(decision, "at", where),
                JsonFields.constant(JsonFields.text(decision, "action", where), Action.class, "the action of " + where),
                JsonFields.number(decision, "weight_before", where),
                JsonFields.number(decision, "weight_after", where),
                WindowJson.fromJson(decision, "primary", where),
                WindowJson.fromJson(decision, "canary", where),
                JsonFields.text(decision, "reason", where));
    }
}
