package dev.sheepdog.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A chat-completions server on port 0 (JDK HttpServer) that answers every request with one scripted behaviour. */
final class SseServer implements AutoCloseable {

    /** What the server does with one request. */
    @FunctionalInterface
    interface Script {
        void answer(Exchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private SseServer(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", http -> {
            requests.incrementAndGet();
            authorizations.add(String.valueOf(http.getRequestHeaders().getFirst("Authorization")));
            bodies.add(new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try (http) {
                script.answer(new Exchange(http, closing));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client left (its deadline, or the end of a test): nothing to answer.
            }
        });
        server.start();
    }

    static SseServer start(Script script) throws IOException {
        return new SseServer(script);
    }

    /** A well-behaved stream: the role chunk at once, {@code tokens} chunks, the first after {@code firstMs}. */
    static Script streaming(long firstMs, long betweenMs, int tokens, boolean usage) {
        return exchange -> {
            exchange.startStream();
            exchange.chunk("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
            for (int i = 0; i < tokens; i++) {
                Thread.sleep(i == 0 ? firstMs : betweenMs);
                exchange.chunk("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"chữ " + i + "\"}}]}");
            }
            exchange.chunk("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]"
                    + (usage ? ",\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":" + tokens * 2 + "}" : "") + "}");
            exchange.send("data: [DONE]\n\n");
        };
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    List<String> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }

    /** One request being answered. */
    record Exchange(HttpExchange http, CountDownLatch closing) {

        void startStream() throws IOException {
            http.getResponseHeaders().set("Content-Type", "text/event-stream");
            http.sendResponseHeaders(200, 0);
        }

        void status(int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().set("Content-Type", "application/json");
            http.sendResponseHeaders(status, bytes.length);
            http.getResponseBody().write(bytes);
        }

        void chunk(String json) throws IOException {
            send("data: " + json + "\n\n");
        }

        void send(String text) throws IOException {
            OutputStream body = http.getResponseBody();
            body.write(text.getBytes(StandardCharsets.UTF_8));
            body.flush();
        }

        /** Holds the stream open, silent, until the server closes (or a minute passes). */
        void stall() throws InterruptedException {
            closing.await(1, TimeUnit.MINUTES);
        }
    }
}
