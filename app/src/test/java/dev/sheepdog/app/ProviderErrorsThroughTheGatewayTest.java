package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.adapter.out.holysheep.fixtures.RecordedStreams;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a client sees of a provider's error through the whole gateway: the provider's object, in Sheepdog's shape. */
class ProviderErrorsThroughTheGatewayTest {

    private static final String KEY = "sk-holysheep-live-9c1e7a3b5d2f4068";
    private static final StreamDeadlines QUICK = new StreamDeadlines(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(10));
    private static final String STREAMING = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aRecordedRejectionReachesTheClientWithEveryFieldTheProviderSent() throws Exception {
        try (RunningGateway gateway = RunningGateway.withProvider(URI.create(provider.baseUrl() + "/v1"), KEY, QUICK)) {
            for (String name : new String[] {"http400_groq_tool_use_failed.json", "http404_openai_chat_model_not_found.json"}) {
                String recorded = new String(RecordedStreams.bytes(name), StandardCharsets.UTF_8);
                answer(RecordedStreams.status(name), "application/json", recorded);

                HttpResponse<String> response = call(gateway);

                assertThat(response.statusCode()).isEqualTo(RecordedStreams.status(name));
                JsonNode error = JSON.readTree(response.body()).get("error");
                JSON.readTree(recorded).get("error").properties().forEach(field ->
                        assertThat(error.get(field.getKey())).as(name + " " + field.getKey()).isEqualTo(field.getValue()));
                assertThat(error.path("sheepdog").path("type").asText()).isEqualTo("invalid_request_error");
            }
        }
    }

    @Test
    void aGroqErrorEventMidStreamKeepsItsTypeAndFields() throws Exception {
        String groq = "{\"error\":{\"message\":\"Tool call validation failed\",\"type\":\"invalid_request_error\","
                + "\"code\":\"tool_use_failed\",\"failed_generation\":\"<function=f>\",\"status_code\":400}}";
        try (RunningGateway gateway = RunningGateway.withProvider(URI.create(provider.baseUrl() + "/v1"), KEY, QUICK)) {
            answer(200, "text/event-stream", "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\n"
                    + "event: error\ndata: " + groq + "\n\n");

            HttpResponse<String> response = call(gateway);

            JsonNode error = JSON.readTree(errorEventData(response.body())).get("error");
            assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.get("code").asText()).isEqualTo("tool_use_failed");
            assertThat(error.get("failed_generation").asText()).isEqualTo("<function=f>");
            assertThat(error.get("status_code").asInt()).isEqualTo(400);
            assertThat(error.path("sheepdog").path("type").asText()).isEqualTo("upstream_error");
        }
    }

    @Test
    void aStreamCutMidChunkIsDescribedInSheepdogsWords() throws Exception {
        try (ServerSocket cutter = new ServerSocket(0);
             RunningGateway gateway = RunningGateway.withProvider(
                     URI.create("http://127.0.0.1:" + cutter.getLocalPort() + "/v1"), KEY, QUICK)) {
            Thread.ofVirtual().start(() -> cutAfterOneChunk(cutter));

            HttpResponse<String> response = call(gateway);

            JsonNode error = JSON.readTree(errorEventData(response.body())).get("error");
            assertThat(error.get("code").asText()).isEqualTo("stream_truncated");
            assertThat(error.get("message").asText()).matches("The provider's stream was cut off after \\d+ bytes\\.");
            assertThat(response.body()).doesNotContainIgnoringCase("chunked").doesNotContain("READING", "java.");
        }
    }

    // One chunk, then half a chunk-size line, then the connection drops: the JDK reports "READING_LENGTH".
    private static void cutAfterOneChunk(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.getInputStream().read(new byte[8192]);
            OutputStream out = socket.getOutputStream();
            String chunk = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Xin\"}}]}\n\n";
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(100);
            out.write("7".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(100);
        } catch (Exception e) {
            // the test's assertions say what went wrong
        }
    }

    private static String errorEventData(String sse) {
        int at = sse.indexOf("event: error\ndata: ");
        assertThat(at).as("an error event in %s", sse).isNotNegative();
        return sse.substring(at + "event: error\ndata: ".length()).strip();
    }

    private static void answer(int status, String contentType, String body) {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    private static HttpResponse<String> call(RunningGateway gateway) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(STREAMING)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
