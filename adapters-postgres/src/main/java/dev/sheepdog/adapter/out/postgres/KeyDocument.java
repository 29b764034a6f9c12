package dev.sheepdog.adapter.out.postgres;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.StoredKey;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The key document, in the format of the file store's {@code keys.json} (version 2):
 * {@code {"version":2,"endpoints":{"<id>":[{"secret","state","added_at","replaces","retiring_since",
 * "cooling_until"}]},"base_urls":{"<id>":"<url>"}}}, so that a key file's content can be moved here as it is.
 */
final class KeyDocument {

    static final int VERSION = 2;
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the document holds. */
    record Content(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
        static final Content EMPTY = new Content(Map.of(), Map.of());
    }

    private KeyDocument() {
    }

    static byte[] write(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
        ObjectNode document = JSON.createObjectNode().put("version", VERSION);
        ObjectNode endpoints = document.putObject("endpoints");
        ObjectNode urls = JSON.createObjectNode();
        keys.forEach((endpoint, stored) -> {
            ArrayNode list = endpoints.putArray(endpoint.value());
            stored.forEach(key -> list.addObject()
                    .put("secret", key.key().reveal())
                    .put("state", key.state().name().toLowerCase(Locale.ROOT))
                    .put("added_at", key.addedAt().toString())
                    .put("replaces", key.replaces().orElse(null))
                    .put("retiring_since", key.retiringSince().map(Instant::toString).orElse(null))
                    .put("cooling_until", key.coolingUntil().map(Instant::toString).orElse(null)));
            if (baseUrls.containsKey(endpoint)) {
                urls.put(endpoint.value(), baseUrls.get(endpoint).toString());
            }
        });
        document.set("base_urls", urls);
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * The keys in a plain document.
     *
     * @throws IllegalArgumentException when it is not one this Sheepdog reads; the message quotes nothing of it
     */
    static Content read(JsonNode document) {
        int version = document.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("it has no format version from 1 to " + VERSION);
        }
        Map<EndpointId, List<StoredKey>> keys = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> endpoint : document.required("endpoints").properties()) {
            List<StoredKey> stored = new ArrayList<>();
            for (JsonNode key : endpoint.getValue()) {
                stored.add(new StoredKey(ApiKey.of(key.required("secret").textValue()),
                        KeyState.valueOf(key.required("state").textValue().toUpperCase(Locale.ROOT)),
                        Instant.parse(key.required("added_at").textValue()), text(key, "replaces"),
                        text(key, "retiring_since").map(Instant::parse), text(key, "cooling_until").map(Instant::parse)));
            }
            keys.put(new EndpointId(endpoint.getKey()), stored);
        }
        Map<EndpointId, URI> baseUrls = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> url : document.path("base_urls").properties()) {
            baseUrls.put(new EndpointId(url.getKey()), URI.create(url.getValue().textValue()));
        }
        return new Content(keys, baseUrls);
    }

    private static Optional<String> text(JsonNode key, String field) {
        JsonNode value = key.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.textValue());
    }
}
