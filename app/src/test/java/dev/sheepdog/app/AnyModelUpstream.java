package dev.sheepdog.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible provider that answers a short stream for whatever model it is asked for, as
 * a provider behind an endpoint with no model list does, and lists one model of its own.
 */
final class AnyModelUpstream implements AutoCloseable {

    static final String LISTED_MODEL = "listed-by-the-provider";

    private static final byte[] STREAM = (chunk("{\"role\":\"assistant\",\"content\":\"Xin\"}", "null", "")
            + chunk("{\"content\":\" chào\"}", "null", "")
            + chunk("{}", "\"stop\"", ",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}")
            + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] MODELS = ("{\"object\":\"list\",\"data\":[{\"id\":\"" + LISTED_MODEL
            + "\",\"object\":\"model\",\"owned_by\":\"upstream\"}]}").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final Queue<String> authorizations = new ConcurrentLinkedQueue<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    AnyModelUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, "text/event-stream", STREAM));
        server.createContext("/v1/models", exchange -> answer(exchange, "application/json", MODELS));
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** The Authorization header of every request it was sent, in order. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void answer(HttpExchange exchange, String type, byte[] body) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        try (InputStream request = exchange.getRequestBody(); OutputStream response = exchange.getResponseBody()) {
            request.transferTo(OutputStream.nullOutputStream());
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            response.write(body);
        }
    }

    private static String chunk(String delta, String finish, String usage) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"any\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]" + usage + "}\n\n";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
