package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the gateway lets the streams already running finish, and takes no new ones. */
class GracefulShutdownTest {

    private static final String REQUEST = "{\"model\":\"gpt-4.1\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Viết về mùa thu\"}]}";

    @Test
    void aStreamRunningWhenTheGatewayStopsStillEndsWithDone() throws Exception {
        SimulatorSettings slow = SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(10), Duration.ofMillis(10))
                .withTokensPerAnswer(80);
        RunningGateway gateway = RunningGateway.offline(slow);
        URI completions = URI.create(gateway.baseUrl() + "/chat/completions");
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(completions).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        byte[] firstBytes = body.readNBytes(64);
        CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readAll(body));

        gateway.close();

        String stream = new String(firstBytes, StandardCharsets.UTF_8) + rest.get(10, TimeUnit.SECONDS);
        assertThat(stream).endsWith("data: [DONE]\n\n");
        assertThat(stream.split("chat.completion.chunk", -1)).as("80 tokens and the finish chunk").hasSize(80 + 1 + 1);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(completions).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    private static String readAll(InputStream body) {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
