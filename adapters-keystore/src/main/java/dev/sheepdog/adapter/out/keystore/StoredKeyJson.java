package dev.sheepdog.adapter.out.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.StoredKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One key in the key file: {@code {"secret","state","added_at","replaces","retiring_since","cooling_until"}}. */
final class StoredKeyJson {

    private static final Set<String> FIELDS =
            Set.of("secret", "state", "added_at", "replaces", "retiring_since", "cooling_until");
    private static final String STATES = "active, cooling, retiring or disabled";

    private StoredKeyJson() {
    }

    static ObjectNode toJson(StoredKey stored) {
        ObjectNode key = JsonNodeFactory.instance.objectNode()
                .put("secret", stored.key().reveal())
                .put("state", stored.state().name().toLowerCase(Locale.ROOT))
                .put("added_at", stored.addedAt().toString())
                .put("replaces", stored.replaces().orElse(null));
        key.put("retiring_since", stored.retiringSince().map(Instant::toString).orElse(null));
        key.put("cooling_until", stored.coolingUntil().map(Instant::toString).orElse(null));
        return key;
    }

    static List<StoredKey> fromJson(JsonNode keys, EndpointId endpoint) throws MalformedKeyFile {
        if (!keys.isArray()) {
            throw new MalformedKeyFile("the keys of endpoint '" + endpoint + "' are not a JSON array");
        }
        List<StoredKey> stored = new ArrayList<>();
        for (JsonNode key : keys) {
            stored.add(fromJson(key, "key " + (stored.size() + 1) + " of endpoint '" + endpoint + "'"));
        }
        return stored;
    }

    private static StoredKey fromJson(JsonNode key, String where) throws MalformedKeyFile {
        if (!key.isObject()) {
            throw new MalformedKeyFile(where + " is not a JSON object");
        }
        KeysDocument.requireOnly(key, FIELDS, where);
        String secret = text(key, "secret", where).orElseThrow(() -> missing(where, "secret"));
        if (secret.isBlank()) {
            throw new MalformedKeyFile(where + " has a blank secret");
        }
        return new StoredKey(ApiKey.of(secret),
                state(text(key, "state", where).orElseThrow(() -> missing(where, "state")), where),
                instant(key, "added_at", where).orElseThrow(() -> missing(where, "added_at")),
                text(key, "replaces", where),
                instant(key, "retiring_since", where),
                instant(key, "cooling_until", where));
    }

    private static KeyState state(String state, String where) throws MalformedKeyFile {
        for (KeyState known : KeyState.values()) {
            if (known.name().toLowerCase(Locale.ROOT).equals(state)) {
                return known;
            }
        }
        throw new MalformedKeyFile(where + " has a state other than " + STATES);
    }

    private static Optional<Instant> instant(JsonNode key, String field, String where) throws MalformedKeyFile {
        Optional<String> text = text(key, field, where);
        try {
            return text.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new MalformedKeyFile("the \"" + field + "\" of " + where
                    + " is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    /** A text field; absent or null is empty, any other kind of value is malformed. */
    private static Optional<String> text(JsonNode key, String field, String where) throws MalformedKeyFile {
        JsonNode value = key.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new MalformedKeyFile("the \"" + field + "\" of " + where + " is not a string");
        }
        return Optional.of(value.textValue());
    }

    private static MalformedKeyFile missing(String where, String field) {
        return new MalformedKeyFile(where + " has no \"" + field + "\"");
    }
}
