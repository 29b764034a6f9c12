package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sheepdog.adapter.out.holysheep.fixtures.StreamReconstruction;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The whole path: streams over HTTP through the gateway while keys rotate through the admin API and the file store. */
class RotationUnderLoadOverHttpTest {

    private static final int STREAMS = 100;
    private static final int ROTATIONS = 10;
    private static final String TOKEN = "rotation-admin-token";
    private static final String REQUEST = "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final Queue<String> keysSeenByProvider = new ConcurrentLinkedQueue<>();

    @Test
    void streamsRunningDuringTenRotationsAllFinishOnTheKeyTheyStartedWith() throws Exception {
        HttpServer provider = slowProvider();
        GatewayConfig base = RunningGateway.config(SimulatorSettings.DEFAULT, List.of("sk-rotate-0"),
                URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/v1"), StreamDeadlines.DEFAULT,
                Optional.of(TOKEN));
        GatewayConfig config = base.withKeyPolicy(
                new KeyPolicy(Duration.ZERO, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5),
                        Duration.ofSeconds(30)));
        List<Future<StreamReconstruction>> streams = new ArrayList<>();
        try (RunningGateway gateway = RunningGateway.with(config);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int rotation = 1; rotation <= ROTATIONS; rotation++) {
                for (int i = 0; i < STREAMS / ROTATIONS; i++) {
                    streams.add(clients.submit(() -> SseClient.stream(gateway.baseUrl(), REQUEST)));
                }
                Thread.sleep(50);
                rotate(gateway, ApiKey.of("sk-rotate-" + (rotation - 1)), ApiKey.of("sk-rotate-" + rotation));
            }
            for (Future<StreamReconstruction> stream : streams) {
                StreamReconstruction received = stream.get();
                assertThat(received.doneDispatched()).isTrue();
                assertThat(received.content()).isEqualTo("0123456789");
            }
        } finally {
            provider.stop(0);
        }
        assertThat(keysSeenByProvider).hasSize(STREAMS).allMatch(key -> key.startsWith("Bearer sk-rotate-"));
        String stored = Files.readString(config.dataDir().resolve("keys.json"));
        assertThat(stored).contains("sk-rotate-" + ROTATIONS);
        for (int old = 0; old < ROTATIONS; old++) {
            assertThat(stored).doesNotContain("\"sk-rotate-" + old + "\"");
        }
    }

    private static void rotate(RunningGateway gateway, ApiKey old, ApiKey next) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.baseUrl().getPort()
                        + "/admin/keys/holysheep/" + old.fingerprint() + "/rotate"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"secret\":\"" + next.reveal() + "\"}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Accepts any key; each answer is ten tokens, 50 ms apart. */
    private HttpServer slowProvider() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/models", exchange -> {
            byte[] body = "{\"object\":\"list\",\"data\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v1/chat/completions", exchange -> {
            keysSeenByProvider.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10; i++) {
                    out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + i + "\"}}]}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(50);
                }
                out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return server;
    }
}
