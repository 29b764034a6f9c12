package dev.sheepdog.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A reverse proxy on 127.0.0.1 in front of a gateway, as nginx would be, that says every request
 * comes from {@link #CALLER}. A browser on the test's machine is always a loopback caller, whom the
 * gateway serves as its operator; through this proxy the page meets the gateway as a visitor from
 * the internet does. Responses are passed on as they arrive, so a stream still streams.
 */
final class ForwardingProxy implements AutoCloseable {

    /** The address every forwarded request claims (TEST-NET-3, never a real host). */
    static final String CALLER = "203.0.113.9";

    // java.net.http refuses to set these itself; the hop-by-hop ones are the proxy's own business anyway.
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ForwardingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    static ForwardingProxy to(URI target) {
        try {
            return new ForwardingProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the browser goes: {@code http://127.0.0.1:port}. */
    URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.header("X-Forwarded-For", CALLER);
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream from = response.body()) {
                respond(exchange, response, from);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Each read is written and flushed at once: an SSE event must not wait in a buffer for the next one.
    private static void respond(HttpExchange exchange, HttpResponse<InputStream> response, InputStream from)
            throws IOException {
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))
                    && !header.getKey().startsWith(":")) {
                exchange.getResponseHeaders().put(header.getKey(), header.getValue());
            }
        }
        int status = response.statusCode();
        boolean empty = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : 0);
        if (empty) {
            return;
        }
        OutputStream to = exchange.getResponseBody();
        byte[] buffer = new byte[8192];
        for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
            to.write(buffer, 0, read);
            to.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow(); // a stream still open when the test ends is not waited for
    }
}
