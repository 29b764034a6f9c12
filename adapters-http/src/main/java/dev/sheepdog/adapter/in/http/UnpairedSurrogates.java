package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Finds the first string or field name in a JSON tree that holds a lone UTF-16 surrogate, by its path. */
final class UnpairedSurrogates {

    private UnpairedSurrogates() {
    }

    /** The path of the first offending value, as a param: {@code messages[0].content}. */
    static Optional<String> find(JsonNode node) {
        return find(node, "");
    }

    private static Optional<String> find(JsonNode node, String path) {
        if (node.isTextual()) {
            return hasUnpaired(node.textValue()) ? Optional.of(path.isEmpty() ? "(body)" : path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String fieldPath = path.isEmpty() ? printable(field.getKey()) : path + "." + printable(field.getKey());
                if (hasUnpaired(field.getKey())) {
                    return Optional.of(fieldPath);
                }
                Optional<String> found = find(field.getValue(), fieldPath);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static boolean hasUnpaired(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    // The path goes back in the error body, which is UTF-8: a lone surrogate in it would turn into '?'.
    private static String printable(String name) {
        if (!hasUnpaired(name)) {
            return name;
        }
        StringBuilder escaped = new StringBuilder();
        name.chars().forEach(c -> escaped.append(Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return escaped.toString();
    }
}
