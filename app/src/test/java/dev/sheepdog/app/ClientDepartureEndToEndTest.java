package dev.sheepdog.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.in.http.HttpSettings;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Through the whole gateway to a provider that never answers: a {@code "stream": false} request
 * fails at the first-token deadline, not the whole-stream one, and a client that leaves, streaming
 * or not, before anything was written to it, has the provider's connection closed within a second
 * or two, as the provider sees it.
 */
@Timeout(60)
class ClientDepartureEndToEndTest {

    // Only the first-token deadline is short where a test needs it; the others are far beyond any wait here.
    private static final StreamDeadlines PATIENT = new StreamDeadlines(
            Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(10));
    private static final StreamDeadlines SHORT_FIRST_TOKEN = new StreamDeadlines(
            Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofMinutes(10));
    // Generous against a busy machine; without noticing the departure it would be the 60 s deadline.
    private static final long PROMPTLY_NANOS = Duration.ofSeconds(3).toNanos();

    @Test
    void aNonStreamingRequestToAProviderThatNeverAnswersFailsAtTheFirstTokenDeadline() throws Exception {
        try (SilentUpstream upstream = new SilentUpstream();
             RunningGateway gateway = RunningGateway.with(config(upstream.baseUrl(), SHORT_FIRST_TOKEN))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(gateway.baseUrl() + "/chat/completions")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body(false)))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.body()).contains("\"code\":\"first_token_timeout\"");
            assertThat(upstream.closed().get(5, TimeUnit.SECONDS)).as("the provider's request was cancelled").isNotNull();
        }
    }

    @Test
    void aNonStreamingClientThatLeavesHasTheProvidersConnectionClosed() throws Exception {
        assertLeavingClosesTheProvidersConnection(false);
    }

    @Test
    void aStreamingClientThatLeavesBeforeTheFirstTokenHasTheProvidersConnectionClosed() throws Exception {
        assertLeavingClosesTheProvidersConnection(true);
    }

    private static void assertLeavingClosesTheProvidersConnection(boolean stream) throws Exception {
        try (SilentUpstream upstream = new SilentUpstream();
             RunningGateway gateway = RunningGateway.with(config(upstream.baseUrl(), PATIENT))) {
            long left;
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), gateway.baseUrl().getPort())) {
                byte[] body = body(stream).getBytes(UTF_8);
                client.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(UTF_8));
                client.getOutputStream().write(body);
                client.getOutputStream().flush();
                upstream.requestReceived().get(10, TimeUnit.SECONDS);
                left = System.nanoTime();
            }

            long closed = upstream.closed().get(10, TimeUnit.SECONDS);
            assertThat(closed - left).as("nanoseconds from the client leaving to the provider's connection closing")
                    .isLessThan(PROMPTLY_NANOS);
        }
    }

    private static GatewayConfig config(URI upstream, StreamDeadlines deadlines) {
        // A heartbeat far longer than the test: no write to the client can be what reveals its leaving.
        HttpSettings http = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(60), Duration.ofSeconds(2));
        return new GatewayConfig(http, SimulatorSettings.DEFAULT, List.of("sk-silent-upstream"), upstream, deadlines,
                RunningGateway.freshDataDir(), Optional.empty(), Optional.empty(), KeyPolicy.DEFAULT, Optional.empty());
    }

    private static String body(boolean stream) {
        return "{\"model\":\"any\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Xin chào\"}]}";
    }
}
