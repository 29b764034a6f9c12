package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** An orchestrator's probes of a gateway: each a GET on a connection of its own, as Kubernetes sends them. */
final class Probes {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Probes() {
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT)
                .build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT)
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    /** Probes until the path answers with this status, as an orchestrator does every few seconds. */
    static HttpResponse<String> awaitStatus(int port, String path, int status) throws Exception {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> response = get(port, path);
        while (response.statusCode() != status && System.nanoTime() < giveUp) {
            Thread.sleep(10);
            response = get(port, path);
        }
        assertThat(response.statusCode()).as(path + ", which said " + response.body()).isEqualTo(status);
        return response;
    }
}
