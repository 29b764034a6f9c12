package dev.sheepdog.adapter.in.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import dev.sheepdog.domain.model.health.Readiness;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@link JavalinHttpServer} on a free port in front of in-memory fakes of the inbound
 * ports, started before and stopped after each test, with an HTTP client that speaks to it.
 */
final class RunningGateway implements BeforeEachCallback, AfterEachCallback {

    static final Duration HEARTBEAT = Duration.ofMillis(100);
    static final int MAX_BODY_BYTES = 4096;
    private static final Duration WAIT = Duration.ofSeconds(5);

    final FakeCompletions completions = new FakeCompletions();
    final FakeModels models = new FakeModels();
    /** What {@code /readyz} reports: starting until the test marks it ready. */
    final Readiness readiness = new Readiness();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build();
    private final CallerAuthentication callers;
    private final Duration heartbeat;
    private final Duration shutdownGrace;
    private JavalinHttpServer server;

    /** A gateway that takes every caller for the operator on its own machine. */
    RunningGateway() {
        this(CallerAuthentication.everyoneLocal());
    }

    RunningGateway(CallerAuthentication callers) {
        this(callers, HEARTBEAT, Duration.ofMillis(200));
    }

    /** A gateway with this heartbeat interval and shutdown grace period. */
    RunningGateway(Duration heartbeat, Duration shutdownGrace) {
        this(CallerAuthentication.everyoneLocal(), heartbeat, shutdownGrace);
    }

    private RunningGateway(CallerAuthentication callers, Duration heartbeat, Duration shutdownGrace) {
        this.callers = callers;
        this.heartbeat = heartbeat;
        this.shutdownGrace = shutdownGrace;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, MAX_BODY_BYTES, heartbeat, shutdownGrace);
        server = new JavalinHttpServer(settings, completions, models, callers, Optional.empty(), Optional.empty(),
                readiness).start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.shutdownNow();
        server.close();
    }

    /** Stops the gateway as Ctrl-C does: open requests get the grace period, then end. */
    void stop() {
        server.close();
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** POSTs a chat completion body; {@code headers} are name, value pairs. */
    HttpResponse<String> post(String body, String... headers) throws IOException, InterruptedException {
        return post(BodyPublishers.ofString(body, UTF_8), headers);
    }

    HttpResponse<String> post(BodyPublisher body, String... headers) throws IOException, InterruptedException {
        return send(completionRequest(body, headers).build());
    }

    /** POSTs a body to the completions route with this {@code Content-Type}, or none when null. */
    HttpResponse<String> postAs(String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(CompletionRoutes.PATH)).timeout(WAIT)
                .POST(BodyPublishers.ofString(body, UTF_8));
        return send((contentType == null ? request : request.header("Content-Type", contentType)).build());
    }

    /** GETs a path; {@code headers} are name, value pairs. */
    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(withHeaders(HttpRequest.newBuilder(uri(path)).timeout(WAIT).GET(), headers).build());
    }

    /** GETs a path on a connection of its own, as a probe does: it shows that the port still takes new ones. */
    HttpResponse<String> getOnNewConnection(String path) throws IOException, InterruptedException {
        return onNewConnection(HttpRequest.newBuilder(uri(path)).timeout(WAIT).GET().build());
    }

    /** POSTs a chat completion body on a connection of its own, as a caller new to this gateway does. */
    HttpResponse<String> postOnNewConnection(String body) throws IOException, InterruptedException {
        return onNewConnection(completionRequest(BodyPublishers.ofString(body, UTF_8)).build());
    }

    private static HttpResponse<String> onNewConnection(HttpRequest request) throws IOException, InterruptedException {
        try (HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT)
                .build()) {
            return fresh.send(request, BodyHandlers.ofString(UTF_8));
        }
    }

    /** POSTs a body and hands back the response's SSE frames as they arrive. */
    SseFrames openStream(String body) throws IOException, InterruptedException {
        HttpRequest request = completionRequest(BodyPublishers.ofString(body, UTF_8))
                .header("Accept", "text/event-stream").build();
        return SseFrames.of(client.send(request, BodyHandlers.ofPublisher()));
    }

    private HttpRequest.Builder completionRequest(BodyPublisher body, String... headers) {
        return withHeaders(HttpRequest.newBuilder(uri(CompletionRoutes.PATH)).timeout(WAIT)
                .header("Content-Type", "application/json").POST(body), headers);
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, BodyHandlers.ofString(UTF_8));
    }
}
