package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.adapter.in.http.HttpSettings;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an orchestrator sees of a gateway told to stop, as SIGTERM tells it: {@code /readyz} turns 503
 * at once, {@code /healthz} stays 200, and the stream already open still ends with {@code [DONE]}.
 */
@Timeout(60)
class DrainEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = "{\"model\":\"gpt-4.1\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Viết về mùa thu\"}]}";
    // About 3 s of tokens, to probe during; a grace period ten times as long, so that it ends by itself.
    private static final SimulatorSettings SLOW = SimulatorSettings.DEFAULT
            .withDelays(Duration.ofMillis(10), Duration.ofMillis(10)).withTokensPerAnswer(300);

    @Test
    void aStoppingGatewayAnswers503DrainingWhileItsOpenStreamStillEndsWithDone() throws Exception {
        RunningGateway gateway = RunningGateway.with(config(Duration.ofSeconds(30)));
        int port = gateway.baseUrl().getPort();
        Probes.awaitStatus(port, "/readyz", 200);
        InputStream body = openStream(gateway);
        byte[] firstBytes = body.readNBytes(64);
        CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readAll(body));

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(gateway::close);

        HttpResponse<String> readyz = Probes.awaitStatus(port, "/readyz", 503);
        assertThat(JSON.readTree(readyz.body())).isEqualTo(JSON.readTree("{\"status\":\"draining\"}"));
        assertThat(Probes.get(port, "/healthz").statusCode()).as("alive while draining").isEqualTo(200);
        assertThat(rest).as("the stream is still open while the probes say draining").isNotDone();
        String stream = new String(firstBytes, StandardCharsets.UTF_8) + rest.get(30, TimeUnit.SECONDS);
        assertThat(stream).endsWith("data: [DONE]\n\n");
        stopped.get(30, TimeUnit.SECONDS);
    }

    private static GatewayConfig config(Duration shutdownGrace) {
        HttpSettings http = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(1),
                shutdownGrace);
        return new GatewayConfig(http, SLOW, List.of(), GatewayConfig.HOLYSHEEP_DEFAULT_URL, StreamDeadlines.DEFAULT,
                RunningGateway.freshDataDir(), Optional.empty(), Optional.empty(), KeyPolicy.DEFAULT, Optional.empty());
    }

    private static InputStream openStream(RunningGateway gateway) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build();
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String readAll(InputStream body) {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
