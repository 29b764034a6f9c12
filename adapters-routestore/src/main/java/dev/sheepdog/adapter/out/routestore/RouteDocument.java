package dev.sheepdog.adapter.out.routestore;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.RouteState;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The route file's JSON: {@code {"version":1,"canary_weight","paused","healthy_streak","unhealthy_streak",
 * "roles":{"<endpoint id>":"<role>"},"decisions":[...]}}, each decision a {@link DecisionJson}.
 */
final class RouteDocument {

    static final int VERSION = 1;

    private static final String WHERE = "the document";
    private static final Set<String> FIELDS =
            Set.of("version", "canary_weight", "paused", "healthy_streak", "unhealthy_streak", "roles", "decisions");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private RouteDocument() {
    }

    static byte[] write(RouteState state) {
        ObjectNode document = JSON.createObjectNode()
                .put("version", VERSION)
                .put("canary_weight", state.canaryWeight())
                .put("paused", state.paused())
                .put("healthy_streak", state.healthyStreak())
                .put("unhealthy_streak", state.unhealthyStreak());
        ObjectNode roles = document.putObject("roles");
        // Primary first, then canary, shadow and standby, so that the file reads like the rollout.
        state.roles().entrySet().stream()
                .sorted(Map.Entry.<EndpointId, EndpointRole>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.comparing(EndpointId::value))))
                .forEach(role -> roles.put(role.getKey().value(), JsonFields.name(role.getValue())));
        document.set("decisions", DecisionJson.toJson(state.decisions()));
        try {
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static RouteState read(byte[] bytes) throws MalformedRouteFile {
        JsonNode document = parse(bytes);
        requireVersion(document);
        JsonFields.requireOnly(document, FIELDS, WHERE);
        double weight = JsonFields.number(document, "canary_weight", WHERE);
        if (!(weight >= 0 && weight <= 1)) {
            throw new MalformedRouteFile("the \"canary_weight\" is " + weight + ", outside [0, 1]");
        }
        Map<EndpointId, EndpointRole> roles = roles(JsonFields.object(document, "roles", WHERE));
        try {
            return new RouteState(roles, weight, JsonFields.bool(document, "paused", WHERE),
                    JsonFields.smallWhole(document, "healthy_streak", WHERE),
                    JsonFields.smallWhole(document, "unhealthy_streak", WHERE),
                    DecisionJson.fromJson(JsonFields.array(document, "decisions", WHERE)));
        } catch (IllegalArgumentException e) {
            throw new MalformedRouteFile("it is not a possible rollout: " + e.getMessage());
        }
    }

    private static JsonNode parse(byte[] bytes) throws MalformedRouteFile {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String what = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                    ? "it has a field twice in one object" : "it is not valid JSON";
            throw new MalformedRouteFile(what
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new MalformedRouteFile("it is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedRouteFile("it is empty");
        }
        if (!root.isObject()) {
            throw new MalformedRouteFile("it is not a JSON object");
        }
        return root;
    }

    private static void requireVersion(JsonNode document) throws MalformedRouteFile {
        JsonNode version = document.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new MalformedRouteFile("it has no format \"version\"");
        }
        if (!version.canConvertToInt() || version.intValue() != VERSION) {
            throw new MalformedRouteFile("it has format version " + version.asText() + " and this Sheepdog reads "
                    + "version " + VERSION + " only; was it written by a newer Sheepdog?");
        }
    }

    private static Map<EndpointId, EndpointRole> roles(JsonNode roles) throws MalformedRouteFile {
        Map<EndpointId, EndpointRole> read = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : roles.properties()) {
            EndpointId endpoint;
            try {
                endpoint = new EndpointId(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new MalformedRouteFile("the roles name '" + entry.getKey() + "', which is not an endpoint id "
                        + "(1-63 lower-case letters, digits, '.', '_' or '-')");
            }
            String where = "the role of endpoint '" + endpoint + "'";
            read.put(endpoint, JsonFields.constant(JsonFields.text(roles, entry.getKey(), "the roles"),
                    EndpointRole.class, where));
        }
        return read;
    }
}
