package dev.sheepdog.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.testing.nginx.Nginx;
import dev.sheepdog.testing.nginx.NginxProxy;
import dev.sheepdog.testing.nginx.ProxiedRequest;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fleet as it is deployed: gateways A and B sharing one PostgreSQL database, behind a real nginx that
 * takes turns over them. A starts with the provider key and stores it; B starts with none and reads it.
 */
final class NginxFleet implements AutoCloseable {

    /** The plan of the fleet's limit tests: 30 requests a minute and $0.02 a day. */
    static final Plan METERED = new Plan("metered", new Limits(OptionalInt.of(30), OptionalLong.empty(),
            OptionalInt.empty(), Optional.of(new BigDecimal("0.02")), Optional.empty()), Set.of());
    /** Loopback callers only, as by default, and the plan {@code metered} for client keys. */
    static final AccessConfig METERED_ACCESS = new AccessConfig(false, List.of(), Optional.empty(),
            AccessConfig.ANONYMOUS_PLAN, Map.of(METERED.name(), METERED), AccessConfig.ANONYMOUS_PLAN,
            Optional.empty());
    static final ApiKey PROVIDER_KEY = ApiKey.of("sk-good-first");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final RunningGateway a;
    final RunningGateway b;
    final NginxProxy nginx;

    private NginxFleet(RunningGateway a, RunningGateway b, NginxProxy nginx) {
        this.a = a;
        this.b = b;
        this.nginx = nginx;
    }

    /** A and B on an emptied database, ready, and nginx in front of them. */
    static NginxFleet start(Nginx nginx, TestDatabase database, URI providerUrl, AccessConfig access)
            throws Exception {
        FleetLedger.of(database).emptyTheDatabase();
        RunningGateway a = RunningGateway.with(member(database, providerUrl, List.of(PROVIDER_KEY.reveal()), access));
        RunningGateway b = null;
        try {
            b = RunningGateway.with(member(database, providerUrl, List.of(), access));
            Probes.awaitStatus(port(a), "/readyz", 200);
            Probes.awaitStatus(port(b), "/readyz", 200);
            return new NginxFleet(a, b, nginx.inFrontOf(port(a), port(b)));
        } catch (Exception | AssertionError e) {
            a.close();
            if (b != null) {
                b.close();
            }
            throw e;
        }
    }

    private static GatewayConfig member(TestDatabase database, URI providerUrl, List<String> keys,
                                        AccessConfig access) {
        return FleetMember.config(database, providerUrl, keys).withKeyPolicy(FleetMember.NO_PROBATION)
                .withAccess(access);
    }

    static int port(RunningGateway gateway) {
        return gateway.baseUrl().getPort();
    }

    static URI root(RunningGateway gateway) {
        return URI.create("http://127.0.0.1:" + port(gateway));
    }

    /** Where clients send their requests: nginx's {@code /v1}. */
    URI api() {
        return nginx.url().resolve("/v1");
    }

    /** Makes a client key through nginx, as {@code POST /admin/clients} with this body; its JSON, secret included. */
    JsonNode addClient(String json) {
        HttpResponse<String> made = admin(nginx.url(), "POST", "/admin/clients", json);
        if (made.statusCode() != 201) {
            throw new IllegalStateException("could not add a client: " + made.body());
        }
        return CallerGateway.parse(made.body());
    }

    /** How many of these requests (completions only) gateway "A" and gateway "B" answered. */
    Map<String, Long> completionsAnsweredBy(List<ProxiedRequest> requests) {
        return requests.stream().filter(request -> request.path().equals("/v1/chat/completions"))
                .collect(Collectors.groupingBy(request -> request.answeredBy() == port(a) ? "A"
                        : request.answeredBy() == port(b) ? "B" : "port " + request.answeredBy(), Collectors.counting()));
    }

    /** A streamed completion sent to {@code root} (nginx's or one gateway's), read whole. */
    static HttpResponse<String> complete(URI root, String model, String message, Optional<String> clientKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve("/v1/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + message + "\"}]}"));
        clientKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return TextExchange.send(HTTP, request);
    }

    /** A call of the admin API at {@code root} (nginx's or one gateway's). */
    static HttpResponse<String> admin(URI root, String method, String path, String body) {
        return TextExchange.send(HTTP, TextExchange.admin(root, FleetMember.ADMIN_TOKEN, method, path, body));
    }

    @Override
    public void close() {
        try {
            nginx.close();
        } finally {
            try {
                a.close();
            } finally {
                b.close();
            }
        }
    }
}
