package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.adapter.out.holysheep.fixtures.StreamReconstruction;
import dev.sheepdog.support.sse.SseDecoder;
import dev.sheepdog.support.sse.SseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A plain client of the gateway's SSE API: what it received, reconstructed as a user of the stream would. */
final class SseClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SseClient() {
    }

    /** Posts a request and reads the whole event stream it answers with. */
    static StreamReconstruction stream(URI baseUrl, String body) throws IOException, InterruptedException {
        return stream(baseUrl, body, Optional.empty());
    }

    /** Posts a request, with the client key when one is given, and reads the whole event stream it answers with. */
    static StreamReconstruction stream(URI baseUrl, String body, Optional<String> clientKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        clientKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": "
                    + new String(response.body().readAllBytes()));
        }
        List<String> payloads = new ArrayList<>();
        List<JsonNode> errors = new ArrayList<>();
        boolean done = false;
        SseDecoder decoder = new SseDecoder();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[4096];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (SseEvent event : decoder.feed(buffer, 0, read)) {
                    if (event.type().equals("error")) {
                        errors.add(JSON.readTree(event.data()).get("error"));
                    } else if (event.data().equals("[DONE]")) {
                        done = true;
                    } else {
                        payloads.add(event.data());
                    }
                }
            }
        }
        return StreamReconstruction.of(payloads, done, errors);
    }
}
