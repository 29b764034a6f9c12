package dev.sheepdog.adapter.out.keystore;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.StoredKey;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The key file's JSON: {@code {"version":1,"endpoints":{"<id>":[<key>, ...]}}}, each key a {@link StoredKeyJson}. */
final class KeysDocument {

    static final int VERSION = 1;
    static final String ENDPOINTS = "endpoints";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private KeysDocument() {
    }

    static ObjectNode toJson(Map<EndpointId, List<StoredKey>> keys) {
        ObjectNode document = JSON.createObjectNode().put("version", VERSION);
        ObjectNode endpoints = document.putObject(ENDPOINTS);
        keys.forEach((endpoint, stored) -> {
            ArrayNode list = endpoints.putArray(endpoint.value());
            stored.forEach(key -> list.add(StoredKeyJson.toJson(key)));
        });
        return document;
    }

    static Map<EndpointId, List<StoredKey>> fromJson(JsonNode document) throws MalformedKeyFile {
        requireVersion(document);
        requireOnly(document, Set.of("version", ENDPOINTS), "the document");
        JsonNode endpoints = document.get(ENDPOINTS);
        if (endpoints == null || !endpoints.isObject()) {
            throw new MalformedKeyFile("\"" + ENDPOINTS + "\" is missing or not an object");
        }
        Map<EndpointId, List<StoredKey>> keys = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<String, JsonNode> entry : endpoints.properties()) {
            EndpointId endpoint = endpoint(entry.getKey(), ++position);
            keys.put(endpoint, StoredKeyJson.fromJson(entry.getValue(), endpoint));
        }
        return keys;
    }

    /** The JSON of a key file or of a decrypted document; never quotes the bytes in what it throws. */
    static JsonNode parse(byte[] bytes) throws MalformedKeyFile {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            // Jackson's message quotes the offending text, which may be a secret: keep only where it is.
            JsonLocation at = e.getLocation();
            String what = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                    ? "it has a field twice in one object" : "it is not valid JSON";
            throw new MalformedKeyFile(what
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new MalformedKeyFile("it is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedKeyFile(
                    root == null || root.isMissingNode() ? "it is empty" : "it is not a JSON object");
        }
        return root;
    }

    static byte[] write(JsonNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static void requireVersion(JsonNode document) throws MalformedKeyFile {
        JsonNode version = document.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new MalformedKeyFile("it has no format \"version\"");
        }
        if (!version.canConvertToInt() || version.intValue() != VERSION) {
            throw new MalformedKeyFile("it has format version " + version.asText()
                    + " and this Sheepdog reads version " + VERSION + " only; was it written by a newer Sheepdog?");
        }
    }

    /** Refuses fields it does not know rather than drop them at the next save; names no field, it might be a secret. */
    static void requireOnly(JsonNode node, Set<String> known, String where) throws MalformedKeyFile {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!known.contains(field.getKey())) {
                throw new MalformedKeyFile(
                        where + " has a field other than " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static EndpointId endpoint(String name, int position) throws MalformedKeyFile {
        try {
            return new EndpointId(name);
        } catch (IllegalArgumentException e) {
            throw new MalformedKeyFile("the name of endpoint " + position + " is not an endpoint id "
                    + "(1-63 lower-case letters, digits, '.', '_' or '-')");
        }
    }
}
