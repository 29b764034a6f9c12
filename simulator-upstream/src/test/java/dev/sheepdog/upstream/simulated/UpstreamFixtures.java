package dev.sheepdog.upstream.simulated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A simulated upstream on port 0 and the plain JDK client that talks to it, for the server's tests. */
final class UpstreamFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Five tokens, no waiting. */
    static final SimulatorSettings INSTANT = SimulatorSettings.DEFAULT.withDelays(Duration.ZERO, Duration.ZERO)
            .withTokensPerAnswer(5);
    static final String MODEL = "gpt-4.1";

    private UpstreamFixtures() {
    }

    static SimulatedUpstreamServer start(SimulatorSettings settings) throws IOException {
        return new SimulatedUpstreamServer(settings, Optional.empty(), Clock.systemUTC()).start("127.0.0.1", 0);
    }

    /** A chat completion body asking about coffee; {@code extra} is more JSON members, e.g. {@code "seed": 7}. */
    static String body(boolean stream, String extra) {
        return "{\"model\":\"" + MODEL + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Viết về cà phê\"}]"
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static HttpRequest post(SimulatedUpstreamServer server, String body) {
        return HttpRequest.newBuilder(server.baseUri().resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-anything")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static SseReader stream(HttpRequest request) throws IOException, InterruptedException {
        return new SseReader(CLIENT.send(request, HttpResponse.BodyHandlers.<InputStream>ofInputStream()));
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** The JSON of each {@code data:} line but {@code [DONE]}. */
    static List<JsonNode> chunks(List<SseReader.Line> lines) throws IOException {
        List<JsonNode> chunks = new java.util.ArrayList<>();
        for (SseReader.Line line : lines) {
            if (!line.end() && line.text().startsWith("data: ") && !line.text().equals("data: [DONE]")) {
                chunks.add(json(line.text().substring("data: ".length())));
            }
        }
        return chunks;
    }

    /** The answer's text, joined from the chunks' deltas. */
    static String text(List<JsonNode> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> chunk.path("choices").forEach(choice -> text.append(choice.path("delta")
                .path("content").asText(""))));
        return text.toString();
    }
}
