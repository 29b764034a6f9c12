package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStatus;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/keys}: list, add, rotate, disable, enable and remove provider keys. Secrets come
 * in request bodies only; no response ever carries one, only fingerprints.
 */
final class KeyAdminRoutes {

    static final String KEYS = "/admin/keys";
    static final String ENDPOINT_KEYS = KEYS + "/{endpoint}";
    static final String KEY = ENDPOINT_KEYS + "/{fingerprint}";

    private final KeyAdministration keys;
    private final ObjectMapper mapper;

    KeyAdminRoutes(KeyAdministration keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    void list(Context ctx) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode endpoints = body.putObject("endpoints");
        for (Map.Entry<EndpointId, List<KeyStatus>> entry : keys.list().listKeys().entrySet()) {
            ArrayNode list = endpoints.putArray(entry.getKey().value());
            entry.getValue().forEach(status -> list.add(KeyStatusJson.of(status, mapper)));
        }
        ctx.contentType("application/json").result(body.toString());
    }

    void add(Context ctx) throws InvalidRequestException {
        KeyStatus added = keys.add().addKey(endpoint(ctx), secret(ctx), AdminActor.of(ctx));
        ctx.status(201).contentType("application/json").result(KeyStatusJson.of(added, mapper).toString());
    }

    void rotate(Context ctx) throws InvalidRequestException {
        KeyStatus rotated = keys.rotate().rotateKey(endpoint(ctx), ctx.pathParam("fingerprint"), secret(ctx),
                AdminActor.of(ctx));
        ctx.contentType("application/json").result(KeyStatusJson.of(rotated, mapper).toString());
    }

    void disable(Context ctx) throws InvalidRequestException {
        keys.disable().disableKey(endpoint(ctx), ctx.pathParam("fingerprint"), AdminActor.of(ctx));
        list(ctx);
    }

    void enable(Context ctx) throws InvalidRequestException {
        keys.enable().enableKey(endpoint(ctx), ctx.pathParam("fingerprint"), AdminActor.of(ctx));
        list(ctx);
    }

    void remove(Context ctx) throws InvalidRequestException {
        keys.remove().removeKey(endpoint(ctx), ctx.pathParam("fingerprint"), AdminActor.of(ctx));
        ctx.status(204);
    }

    private static EndpointId endpoint(Context ctx) throws InvalidRequestException {
        try {
            return new EndpointId(ctx.pathParam("endpoint"));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(e.getMessage(), "endpoint", "invalid_value");
        }
    }

    private ApiKey secret(Context ctx) throws InvalidRequestException {
        JsonNode body;
        try {
            body = mapper.readTree(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            throw InvalidRequestException.of("The body must be JSON: {\"secret\": \"sk-...\"}.", null, "invalid_json");
        }
        JsonNode secret = body == null ? null : body.get("secret");
        if (secret == null || !secret.isTextual() || secret.asText().isBlank()) {
            throw InvalidRequestException.of("Missing required parameter: 'secret' (the new key).", "secret",
                    "missing_required_parameter");
        }
        return ApiKey.of(secret.asText());
    }
}
