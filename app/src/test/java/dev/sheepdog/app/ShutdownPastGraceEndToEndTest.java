package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.in.http.HttpSettings;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.KeyPolicy;
import java.io.InputStream;
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
 * A stream still running when the shutdown grace period ends is told so: the client reads a typed
 * {@code server_shutting_down} error event, the request has its log line, and nothing is logged as
 * an error or with a stack trace.
 */
@Timeout(60)
class ShutdownPastGraceEndToEndTest {

    private static final String REQUEST = "{\"model\":\"gpt-4.1\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Viết về mùa thu\"}]}";

    @Test
    void aStreamCutByTheEndOfTheGracePeriodGetsAnErrorEventAndItsLogLine() throws Exception {
        // 400 tokens 50 ms apart: 20 s of stream, far past the 300 ms grace period.
        SimulatorSettings slow = SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(10), Duration.ofMillis(50))
                .withTokensPerAnswer(400);
        HttpSettings http = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(15), Duration.ofMillis(300));
        GatewayConfig config = new GatewayConfig(http, slow, List.of(), GatewayConfig.HOLYSHEEP_DEFAULT_URL,
                dev.sheepdog.domain.model.StreamDeadlines.DEFAULT, RunningGateway.freshDataDir(), Optional.empty(),
                Optional.empty(), KeyPolicy.DEFAULT, Optional.empty());
        try (CountingLog log = CountingLog.install()) {
            RunningGateway gateway = RunningGateway.with(config);
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(gateway.baseUrl() + "/chat/completions")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build(), HttpResponse.BodyHandlers.ofInputStream());
            InputStream body = response.body();
            byte[] first = body.readNBytes(64);
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> {
                try (body) {
                    return new String(body.readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    return "cut: " + e;
                }
            });

            gateway.close();

            String stream = new String(first, StandardCharsets.UTF_8) + rest.get(10, TimeUnit.SECONDS);
            assertThat(stream).contains("chat.completion.chunk").doesNotContain("data: [DONE]")
                    .endsWith("\n\n").containsOnlyOnce("event: error\n");
            String error = stream.substring(stream.indexOf("event: error\n"));
            assertThat(error).contains("\"code\":\"server_shutting_down\"").contains("\"type\":\"service_unavailable\"");
            assertThat(log.requestLines()).as("the stream's access-log line").isEqualTo(1);
            assertThat(log.linesContaining("ERROR")).as("error lines").isZero();
            assertThat(log.linesContaining("\tat ")).as("stack trace lines").isZero();
        }
    }
}
