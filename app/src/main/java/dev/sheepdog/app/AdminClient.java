package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Calls a running gateway's admin API for the command line. */
final class AdminClient {

    /** What the gateway answered: its status and JSON body (empty for 204). */
    record Answer(int status, Optional<JsonNode> body) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** The error message of a refused call, as the gateway wrote it. */
        String error() {
            return body.map(json -> json.path("error").path("message").asText("HTTP " + status))
                    .orElse("HTTP " + status);
        }
    }

    // Amounts in dollars read as exact decimals, as the gateway wrote them: 2.50 stays 2.50, never 2.5.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer post(String path, Optional<JsonNode> body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(body
                .map(json -> HttpRequest.BodyPublishers.ofString(json.toString()))
                .orElse(HttpRequest.BodyPublishers.noBody())));
    }

    Answer patch(String path, JsonNode body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("X-Sheepdog-Actor", "cli-" + System.getProperty("user.name", "unknown"));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        Optional<JsonNode> body = Optional.empty();
        if (text != null && !text.isBlank()) {
            try {
                body = Optional.of(JSON.readTree(text));
            } catch (IOException notJson) {
                body = Optional.empty();
            }
        }
        return new Answer(response.statusCode(), body);
    }
}
