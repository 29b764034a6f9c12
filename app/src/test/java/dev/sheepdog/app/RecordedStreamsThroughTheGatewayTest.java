package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.sheepdog.adapter.out.holysheep.fixtures.RecordedStreams;
import dev.sheepdog.adapter.out.holysheep.fixtures.StreamReconstruction;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded provider stream, served by a local upstream in small random pieces, goes through
 * the whole running gateway; what the client reconstructs is what EXPECTED.json says.
 */
class RecordedStreamsThroughTheGatewayTest {

    private static final String REQUEST = """
            {"model":"any","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"Xin chào"}]}""";
    private static final AtomicReference<String> SERVING = new AtomicReference<>();

    private static HttpServer upstream;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = RecordedStreams.body(SERVING.get());
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                writeInRandomPieces(body, out, new Random(body.length));
            }
        });
        upstream.start();
        URI base = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
        gateway = RunningGateway.withProvider(base, "sk-recorded-streams", StreamDeadlines.DEFAULT);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.stop(0);
    }

    static java.util.List<String> streams() {
        return RecordedStreams.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void theClientReconstructsWhatTheProviderSent(String name) throws Exception {
        SERVING.set(name);
        JsonNode expected = RecordedStreams.expected(name);

        StreamReconstruction received = SseClient.stream(gateway.baseUrl(), REQUEST);

        assertThat(received.content()).isEqualTo(expected.get("content").asText());
        assertThat(received.reasoning()).isEqualTo(expected.get("reasoning").asText());
        assertThat(received.refusal()).isEqualTo(expected.get("refusal").asText());
        assertThat(received.toJson().get("tool_calls")).isEqualTo(expected.get("tool_calls"));
        assertThat(received.finishReason().orElse(null)).isEqualTo(expected.get("finish_reason").asText(null));
        assertThat(received.errors()).hasSameSizeAs(expected.get("errors"));
        for (int i = 0; i < received.errors().size(); i++) {
            JsonNode sent = expected.get("errors").get(i);
            assertThat(received.errors().get(i).get("message").asText()).isEqualTo(sent.get("message").asText());
            assertThat(received.errors().get(i).get("code").asText()).isEqualTo(sent.get("code").asText());
        }
        if (received.errors().isEmpty()) {
            assertThat(received.usage()).isEqualTo(expected.get("usage"));
            assertThat(received.doneDispatched()).as("a normal end is always [DONE] to the client").isTrue();
        } else {
            // The error reaches the client once, as the gateway's typed SSE error event; the chunk
            // that carried it (and the usage on it) is counted by the gateway, not forwarded.
            assertThat(received.doneDispatched()).isFalse();
        }
    }

    private static void writeInRandomPieces(byte[] body, OutputStream out, Random random) throws IOException {
        for (int at = 0; at < body.length; ) {
            int piece = Math.min(body.length - at, 1 + random.nextInt(64));
            out.write(body, at, piece);
            out.flush();
            at += piece;
        }
    }
}
