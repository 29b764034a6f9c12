package dev.sheepdog.upstream.simulated;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code GET /v1/models} in OpenAI's list format, and {@code GET /v1/models/{id}}. */
final class ModelsHandler implements HttpHandler {

    private static final String PATH = "/v1/models";
    private static final String OWNER = "sheepdog-simulator";

    private final List<String> models;
    private final long created;
    private final KeyCheck keys;

    ModelsHandler(List<String> models, long created, KeyCheck keys) {
        this.models = List.copyOf(models);
        this.created = created;
        this.keys = keys;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            OpenAiError.methodNotAllowed(exchange.getRequestMethod(), path).send(exchange);
        } else if (!keys.allows(exchange)) {
            OpenAiError.invalidKey().send(exchange);
        } else if (path.equals(PATH)) {
            ObjectNode list = JsonNodeFactory.instance.objectNode().put("object", "list");
            ArrayNode data = list.putArray("data");
            models.forEach(id -> data.add(model(id)));
            send(exchange, list);
        } else if (path.startsWith(PATH + "/") && models.contains(path.substring(PATH.length() + 1))) {
            send(exchange, model(path.substring(PATH.length() + 1)));
        } else if (path.startsWith(PATH + "/")) {
            new OpenAiError(404, "The model '" + path.substring(PATH.length() + 1) + "' does not exist.",
                    "invalid_request_error", "model", "model_not_found").send(exchange);
        } else {
            OpenAiError.notFound(path).send(exchange);
        }
    }

    private ObjectNode model(String id) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("object", "model").put("created", created)
                .put("owned_by", OWNER);
    }

    private static void send(HttpExchange exchange, ObjectNode json) throws IOException {
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
