package dev.sheepdog.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * An OpenAI-compatible provider on 127.0.0.1 whose stream moves only when the test says so: each
 * chunk waits for {@link #release}. A page that shows chunk N before chunk N+1 exists is streaming,
 * however fast or slow the machine is, where sampling the page on a clock proves nothing on a busy one.
 */
final class SteppedUpstream implements AutoCloseable {

    static final String MODEL = "deepseek-v3.2";

    private final List<String> pieces;
    private final int promptTokens;
    private final Semaphore released = new Semaphore(0);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    /** Streams {@code pieces} in order, one a chunk, then the usage ({@code promptTokens} in, one token a piece out). */
    SteppedUpstream(List<String> pieces, int promptTokens) throws IOException {
        if (pieces.stream().anyMatch(piece -> piece.contains("\"") || piece.contains("\\"))) {
            throw new IllegalArgumentException("the pieces are written into JSON as they are: no quotes or backslashes");
        }
        this.pieces = List.copyOf(pieces);
        this.promptTokens = promptTokens;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/models", exchange -> answer(exchange, "application/json",
                "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL + "\",\"object\":\"model\"}]}"));
        server.createContext("/v1/chat/completions", this::stream);
        server.start();
    }

    /** An endpoint of sheepdog.yaml for this provider, its key in the variable {@code keyVariable}. */
    String endpoint(String keyVariable) {
        return """
                endpoints:
                  - id: stepped
                    base_url: http://127.0.0.1:%d/v1
                    role: primary
                    models: [%s]
                    keys_from_env: [%s]
                """.formatted(server.getAddress().getPort(), MODEL, keyVariable);
    }

    /** Lets the next {@code chunks} chunks go (the end, usage and [DONE], counts as one more). */
    void release(int chunks) {
        released.release(chunks);
    }

    /** The text of the first {@code chunks} pieces. */
    String textOf(int chunks) {
        return String.join("", pieces.subList(0, chunks));
    }

    String wholeText() {
        return textOf(pieces.size());
    }

    int size() {
        return pieces.size();
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < pieces.size(); i++) {
                released.acquire();
                String delta = (i == 0 ? "\"role\":\"assistant\"," : "") + "\"content\":\"" + pieces.get(i) + "\"";
                event(out, "{\"id\":\"chatcmpl-stepped\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL
                        + "\",\"choices\":[{\"index\":0,\"delta\":{" + delta + "},\"finish_reason\":null}]}");
            }
            released.acquire();
            event(out, "{\"id\":\"chatcmpl-stepped\",\"object\":\"chat.completion.chunk\",\"model\":\"" + MODEL
                    + "\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{"
                    + "\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + pieces.size()
                    + ",\"total_tokens\":" + (promptTokens + pieces.size()) + "}}");
            event(out, "[DONE]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void answer(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        released.release(pieces.size() + 1); // a stream still waiting ends, so the server can stop
        server.stop(0);
        threads.shutdownNow();
    }
}
