package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.sheepdog.domain.model.SpendReport;
import dev.sheepdog.domain.model.caller.Plan;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@link JavalinHttpServer} with the admin API (client keys in {@link FakeClients}) and
 * {@code /metrics}, started before and stopped after each test.
 */
final class RunningAdminGateway implements BeforeEachCallback, AfterEachCallback {

    static final String ADMIN_TOKEN = "admin-token-7c1e9f";
    static final String METRICS = "sheepdog_up 1\n";
    static final SpendReport SPEND = new SpendReport(Instant.parse("2026-11-24T08:00:00Z"), List.of(),
            new BigDecimal("0.00112"), Map.of());
    // Reads decimals exactly as the gateway wrote them: 40.50 stays 40.50.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    final FakeClients clients = new FakeClients();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Optional<String> metricsToken = Optional.empty();
    private Map<String, Plan> plans = Map.of();
    private JavalinHttpServer server;

    RunningAdminGateway withMetricsToken(String token) {
        this.metricsToken = Optional.of(token);
        return this;
    }

    RunningAdminGateway withPlans(Map<String, Plan> configured) {
        this.plans = configured;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, 4096, Duration.ofSeconds(1), Duration.ofMillis(200));
        AdminApi admin = new AdminApi(ADMIN_TOKEN, new FakeKeyAdministration().asAdministration(),
                new FakeTrafficAdministration().asAdministration(), () -> SPEND, clients.asAdministration(plans));
        Observability metrics = new Observability(() -> METRICS, StreamObserver.NONE, metricsToken);
        server = new JavalinHttpServer(settings, new FakeCompletions(), new FakeModels(),
                CallerAuthentication.everyoneLocal(), Optional.of(admin), Optional.of(metrics)).start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        client.close();
        server.close();
    }

    /** An admin call with the right token; {@code body} may be null. */
    HttpResponse<String> admin(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, "Bearer " + ADMIN_TOKEN, body);
    }

    /** A call with this {@code Authorization} header, or none when null. */
    HttpResponse<String> send(String method, String path, String authorization, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
