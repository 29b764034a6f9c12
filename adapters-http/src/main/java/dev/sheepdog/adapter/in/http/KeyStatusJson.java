package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.KeyStatus;
import java.util.Locale;

/** A key as the admin API shows it: fingerprint, state and traffic, never the secret. */
final class KeyStatusJson {

    private KeyStatusJson() {
    }

    static ObjectNode of(KeyStatus status, ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode()
                .put("endpoint", status.endpoint().value())
                .put("fingerprint", status.fingerprint())
                .put("state", status.state().name().toLowerCase(Locale.ROOT))
                .put("added_at", status.addedAt().toString())
                .put("requests", status.requests())
                .put("in_flight", status.inFlight());
        json.put("last_used", status.lastUsed().map(Object::toString).orElse(null));
        json.put("last_error", status.lastError().orElse(null));
        json.put("cooling_until", status.coolingUntil().map(Object::toString).orElse(null));
        json.put("replaces", status.replaces().orElse(null));
        ObjectNode models = json.putObject("cooling_models");
        status.coolingModels().forEach((model, until) -> models.put(model, until.toString()));
        return json;
    }
}
