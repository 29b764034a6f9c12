package dev.sheepdog.adapter.out.routestore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Required fields of a JSON object read strictly: each refusal says which field of which part is wrong. */
final class JsonFields {

    private JsonFields() {
    }

    /** An enum constant as the file spells it: {@code STEP_UP} is {@code step_up}. */
    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E constant(String name, Class<E> type, String what) throws MalformedRouteFile {
        for (E known : type.getEnumConstants()) {
            if (name(known).equals(name)) {
                return known;
            }
        }
        throw new MalformedRouteFile(what + " is '" + name + "', which is none of " + Arrays.stream(
                type.getEnumConstants()).map(JsonFields::name).collect(Collectors.joining(", ")));
    }

    /** Refuses fields it does not know rather than drop them at the next save. */
    static void requireOnly(JsonNode node, Set<String> known, String where) throws MalformedRouteFile {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!known.contains(field.getKey())) {
                throw new MalformedRouteFile(where + " has a field \"" + field.getKey() + "\" this Sheepdog does "
                        + "not know; it knows " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    static JsonNode object(JsonNode node, String field, String where) throws MalformedRouteFile {
        JsonNode value = required(node, field, where);
        return expect(value.isObject(), value, field, where, "a JSON object");
    }

    static JsonNode array(JsonNode node, String field, String where) throws MalformedRouteFile {
        JsonNode value = required(node, field, where);
        return expect(value.isArray(), value, field, where, "a JSON array");
    }

    static String text(JsonNode node, String field, String where) throws MalformedRouteFile {
        JsonNode value = required(node, field, where);
        return expect(value.isTextual(), value, field, where, "a string").textValue();
    }

    static boolean bool(JsonNode node, String field, String where) throws MalformedRouteFile {
        JsonNode value = required(node, field, where);
        return expect(value.isBoolean(), value, field, where, "true or false").booleanValue();
    }

    static long whole(JsonNode node, String field, String where) throws MalformedRouteFile {
        JsonNode value = required(node, field, where);
        return expect(value.isIntegralNumber() && value.canConvertToLong(), value, field, where, "a whole number")
                .longValue();
    }

    static int smallWhole(JsonNode node, String field, String where) throws MalformedRouteFile {
        JsonNode value = required(node, field, where);
        return expect(value.isIntegralNumber() && value.canConvertToInt(), value, field, where,
                "a whole number up to " + Integer.MAX_VALUE).intValue();
    }

    /** A number; NaN and the infinities are strings, as JSON has no literal for them and Jackson writes them so. */
    static double number(JsonNode node, String field, String where) throws MalformedRouteFile {
        JsonNode value = required(node, field, where);
        if (value.isTextual() && Set.of("NaN", "Infinity", "-Infinity").contains(value.textValue())) {
            return Double.parseDouble(value.textValue());
        }
        return expect(value.isNumber(), value, field, where, "a number").doubleValue();
    }

    static Instant instant(JsonNode node, String field, String where) throws MalformedRouteFile {
        String text = text(node, field, where);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedRouteFile(quoted(field, where) + " is '" + text
                    + "', not an ISO-8601 instant such as 2026-01-31T12:00:00.5Z");
        }
    }

    static Duration duration(JsonNode node, String field, String where) throws MalformedRouteFile {
        String text = text(node, field, where);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedRouteFile(quoted(field, where) + " is '" + text
                    + "', not an ISO-8601 duration such as PT0.35S");
        }
    }

    private static JsonNode required(JsonNode node, String field, String where) throws MalformedRouteFile {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedRouteFile(where + " has no \"" + field + "\"");
        }
        return value;
    }

    private static JsonNode expect(boolean ok, JsonNode value, String field, String where, String kind)
            throws MalformedRouteFile {
        if (!ok) {
            throw new MalformedRouteFile(quoted(field, where) + " is " + shown(value) + ", not " + kind);
        }
        return value;
    }

    private static String shown(JsonNode value) {
        String json = value.toString();
        return json.length() <= 40 ? json : json.substring(0, 37) + "...";
    }

    private static String quoted(String field, String where) {
        return "the \"" + field + "\" of " + where;
    }
}
