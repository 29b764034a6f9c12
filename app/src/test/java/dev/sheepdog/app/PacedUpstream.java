package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * An OpenAI-compatible provider for the fleet tests. A completion whose last message says {@code slow} is
 * streamed as {@link #SLOW_WORDS} words, one every {@link #PACE}; any other is answered at once. Every
 * completion ends with the same usage, so its cost is known: 500 prompt and 125 completion tokens, $0.002
 * of {@code gpt-4.1}. Keys named {@code sk-good-…} are accepted. It remembers who asked what, with which key.
 */
final class PacedUpstream implements AutoCloseable {

    static final int SLOW_WORDS = 20;
    static final Duration PACE = Duration.ofMillis(250);
    /** What a client reads from a slow stream, whole: "w0 w1 … w19 ". */
    static final String SLOW_CONTENT = IntStream.range(0, SLOW_WORDS).mapToObj(word -> "w" + word + " ")
            .collect(Collectors.joining());
    private static final String USAGE = ",\"usage\":{\"prompt_tokens\":500,\"completion_tokens\":125,\"total_tokens\":625}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One completion the provider was asked for: the key it came with and what its last message said. */
    record Asked(String authorization, String model, String message) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Queue<Asked> asked = new ConcurrentLinkedQueue<>();
    private final AtomicInteger slowOpen = new AtomicInteger();

    PacedUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(threads);
        server.createContext("/v1/models", this::models);
        server.createContext("/v1/chat/completions", this::complete);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    List<Asked> asked() {
        return List.copyOf(asked);
    }

    /** The key the completion whose last message was {@code message} came with; null when none came yet. */
    String keyOf(String message) {
        return asked.stream().filter(one -> one.message().equals(message)).map(Asked::authorization).findFirst()
                .orElse(null);
    }

    /** Slow streams it is writing now. */
    int slowStreamsOpen() {
        return slowOpen.get();
    }

    /** Waits until {@code count} slow streams are open at once; fails after 30 s. */
    void awaitSlowStreamsOpen(int count) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (slowOpen.get() < count && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        if (slowOpen.get() != count) {
            throw new AssertionError("slow streams open at the provider: " + slowOpen.get() + ", not " + count);
        }
    }

    private void models(HttpExchange exchange) throws IOException {
        String key = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        boolean good = key.startsWith("Bearer sk-good-");
        byte[] body = (good ? "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4.1\",\"object\":\"model\"}]}"
                : "{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\"}}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(good ? 200 : 401, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void complete(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String model = request.path("model").asText();
        String message = request.path("messages").path(request.path("messages").size() - 1).path("content").asText();
        asked.add(new Asked(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), model, message));
        boolean slow = message.startsWith("slow");
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        if (slow) {
            slowOpen.incrementAndGet();
        }
        try (OutputStream out = exchange.getResponseBody()) {
            for (int word = 0; word < (slow ? SLOW_WORDS : 1); word++) {
                if (slow) {
                    Thread.sleep(PACE);
                }
                write(out, chunk(model, "{\"content\":\"" + (slow ? "w" + word + " " : "ok") + "\"}", "null", ""));
            }
            write(out, chunk(model, "{}", "\"stop\"", USAGE) + "data: [DONE]\n\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (slow) {
                slowOpen.decrementAndGet();
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String chunk(String model, String delta, String finish, String usage) {
        return "data: {\"id\":\"chatcmpl-fleet\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]"
                + usage + "}\n\n";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
