package dev.sheepdog.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The gateway's API called directly, to know what the page should have shown. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A chat message as the page sends it. */
    record Message(String role, String content) {
    }

    private Api() {
    }

    /** The whole answer (stream=false) to the request the page sends for these messages. */
    static String answer(URI origin, String model, double temperature, List<Message> messages)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("temperature", temperature);
        ArrayNode list = body.putArray("messages");
        messages.forEach(m -> list.addObject().put("role", m.role()).put("content", m.content()));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(origin.resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("the API answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("choices").path(0).path("message").path("content").asText();
    }

    /** POST {@code json} to {@code path} with a bearer token; the response as text. */
    static HttpResponse<String> post(URI origin, String path, String token, String json)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(origin.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET {@code path} with an optional bearer token; the response as text. */
    static HttpResponse<String> get(URI origin, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(origin.resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
