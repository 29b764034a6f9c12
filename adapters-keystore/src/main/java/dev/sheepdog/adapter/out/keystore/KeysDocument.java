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
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key file's JSON: {@code {"version":2,"endpoints":{"<id>":[<key>, ...]},"base_urls":{"<id>":"<url>"}}},
 * each key a {@link StoredKeyJson}. Version 1, from before base URLs were recorded, is read as having none.
 */
final class KeysDocument {

    static final int VERSION = 2;
    static final int FIRST_VERSION = 1;
    static final String ENDPOINTS = "endpoints";
    static final String BASE_URLS = "base_urls";

    /** What a key file holds. */
    record Content(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private KeysDocument() {
    }

    static ObjectNode toJson(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
        ObjectNode document = JSON.createObjectNode().put("version", VERSION);
        ObjectNode endpoints = document.putObject(ENDPOINTS);
        keys.forEach((endpoint, stored) -> {
            ArrayNode list = endpoints.putArray(endpoint.value());
            stored.forEach(key -> list.add(StoredKeyJson.toJson(key)));
        });
        ObjectNode urls = document.putObject(BASE_URLS);
        keys.keySet().forEach(endpoint -> {
            if (baseUrls.containsKey(endpoint)) {
                urls.put(endpoint.value(), baseUrls.get(endpoint).toString());
            }
        });
        return document;
    }

    static Content fromJson(JsonNode document) throws MalformedKeyFile {
        int version = requireVersion(document);
        requireOnly(document, version == FIRST_VERSION ? Set.of("version", ENDPOINTS)
                : Set.of("version", ENDPOINTS, BASE_URLS), "the document");
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
        return new Content(keys, baseUrls(document.get(BASE_URLS), keys));
    }

    private static Map<EndpointId, URI> baseUrls(JsonNode urls, Map<EndpointId, List<StoredKey>> keys)
            throws MalformedKeyFile {
        Map<EndpointId, URI> baseUrls = new LinkedHashMap<>();
        if (urls == null) {
            return baseUrls;
        }
        if (!urls.isObject()) {
            throw new MalformedKeyFile("\"" + BASE_URLS + "\" is not an object");
        }
        for (Map.Entry<String, JsonNode> entry : urls.properties()) {
            EndpointId endpoint = keys.keySet().stream().filter(id -> id.value().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> new MalformedKeyFile("\"" + BASE_URLS + "\" names an endpoint without keys"));
            try {
                baseUrls.put(endpoint, new URI(entry.getValue().textValue()));
            } catch (URISyntaxException | NullPointerException e) {
                throw new MalformedKeyFile("the base URL of endpoint '" + endpoint + "' is not a URL");
            }
        }
        return baseUrls;
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

    /** The document's format version, one this Sheepdog reads. */
    static int requireVersion(JsonNode document) throws MalformedKeyFile {
        JsonNode version = document.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new MalformedKeyFile("it has no format \"version\"");
        }
        if (!version.canConvertToInt() || version.intValue() < FIRST_VERSION || version.intValue() > VERSION) {
            throw new MalformedKeyFile("it has format version " + version.asText() + " and this Sheepdog reads "
                    + "versions " + FIRST_VERSION + " to " + VERSION + " only; was it written by a newer Sheepdog?");
        }
        return version.intValue();
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
