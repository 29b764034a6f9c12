package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.KeyChangeRejected.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(20)
class AdminApiTest {

    private static final String TOKEN = "admin-token-7c1e9f";
    private static final String SECRET = "sk-new-holysheep-key-0042";
    private static final dev.sheepdog.domain.port.in.ViewSpendUseCase SPEND = () -> new dev.sheepdog.domain.model.SpendReport(
            java.time.Instant.parse("2026-11-24T08:00:00Z"),
            java.util.List.of(new dev.sheepdog.domain.model.SpendLine("deepseek-v3.2",
                    new dev.sheepdog.domain.model.EndpointId("holysheep"),
                    dev.sheepdog.domain.model.CompletionRecord.Traffic.LIVE, 3, 1000, 2000,
                    new java.math.BigDecimal("0.00112"), java.math.BigDecimal.ZERO, 0)),
            new java.math.BigDecimal("0.00112"),
            java.util.Map.of(java.time.Instant.parse("2026-11-24T09:00:00Z"), new java.math.BigDecimal("0.00112")));

    private final FakeKeyAdministration keys = new FakeKeyAdministration();
    private final FakeTrafficAdministration traffic = new FakeTrafficAdministration();
    private final HttpClient client = HttpClient.newHttpClient();
    private JavalinHttpServer server;

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void withoutATokenConfiguredTheAdminRoutesDoNotExist() throws Exception {
        start(Optional.empty());

        HttpResponse<String> response = send("GET", "/admin/keys", TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ErrorReply.of(response).code()).isEqualTo("unknown_route");
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @CsvSource(value = {"NONE", "Bearer wrong-token", "Bearer ", "Basic YWRtaW46YWRtaW4=", "admin-token-7c1e9f"},
            nullValues = "NONE")
    void aMissingOrWrongTokenIsRefused(String authorization) throws Exception {
        start(Optional.of(TOKEN));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/admin/keys")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }

        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(keys.calls).isEmpty();
    }

    @Test
    void listsKeysByFingerprintWithTheRightToken() throws Exception {
        start(Optional.of(TOKEN));

        HttpResponse<String> response = send("GET", "/admin/keys", TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"holysheep\"", "\"fingerprint\":\"ab12cd34\"", "\"state\":\"active\"",
                "\"requests\":3", "\"in_flight\":1");
    }

    @Test
    void addsRotatesDisablesEnablesAndRemovesWithTheCallerNamedForTheAudit() throws Exception {
        start(Optional.of(TOKEN));

        assertThat(send("POST", "/admin/keys/holysheep", TOKEN, body(SECRET)).statusCode()).isEqualTo(201);
        HttpResponse<String> rotated = send("POST", "/admin/keys/holysheep/ab12cd34/rotate", TOKEN, body(SECRET));
        assertThat(send("POST", "/admin/keys/holysheep/ab12cd34/disable", TOKEN, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/admin/keys/holysheep/ab12cd34/enable", TOKEN, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/admin/keys/holysheep/ab12cd34", TOKEN, null).statusCode()).isEqualTo(204);

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.body()).doesNotContain(SECRET);
        assertThat(keys.calls).containsExactly(
                "add holysheep by ops-bot@127.0.0.1", "rotate holysheep ab12cd34 by ops-bot@127.0.0.1",
                "disable holysheep ab12cd34 by ops-bot@127.0.0.1", "enable holysheep ab12cd34 by ops-bot@127.0.0.1",
                "remove holysheep ab12cd34 by ops-bot@127.0.0.1");
        assertThat(keys.secretsReceived).extracting(key -> key.reveal()).containsOnly(SECRET);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"UNKNOWN_ENDPOINT, 404", "UNKNOWN_KEY, 404", "DUPLICATE_KEY, 409", "WRONG_STATE, 409",
        "VALIDATION_FAILED, 422"})
    void aRefusedChangeSaysWhy(Reason reason, int status) throws Exception {
        start(Optional.of(TOKEN));
        keys.refuseWith(FakeKeyAdministration.rejected(reason));

        HttpResponse<String> response = send("POST", "/admin/keys/holysheep/ab12cd34/rotate", TOKEN, body(SECRET));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(ErrorReply.of(response).code()).isEqualTo(reason.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(response.body()).contains("Refused").doesNotContain(SECRET);
    }

    @Test
    void aChangeTheStoreCouldNotKeepIsAServiceError() throws Exception {
        start(Optional.of(TOKEN));
        keys.refuseWith(FakeKeyAdministration.storeDown());

        HttpResponse<String> response = send("POST", "/admin/keys/holysheep", TOKEN, body(SECRET));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(ErrorReply.of(response).code()).isEqualTo("key_store_unavailable");
    }

    @Test
    void aRotationWithoutASecretOrWithAnImpossibleEndpointIsABadRequest() throws Exception {
        start(Optional.of(TOKEN));

        assertThat(send("POST", "/admin/keys/holysheep/ab12cd34/rotate", TOKEN, "{}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/admin/keys/holysheep/ab12cd34/rotate", TOKEN, "not json").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/admin/keys/Not%20An%20Id", TOKEN, body(SECRET)).statusCode()).isEqualTo(400);
        assertThat(keys.calls).isEmpty();
    }

    @Test
    void reportsTheTrafficAllocationInOneGet() throws Exception {
        start(Optional.of(TOKEN));

        HttpResponse<String> response = send("GET", "/admin/traffic", TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"canary_weight\":0.2", "\"role\":\"primary\"", "\"share\":0.8",
                "\"circuit\":\"half_open\"", "\"ttft_p95_ms\":420.0", "\"upstream_unavailable\":3",
                "\"action\":\"step_up\"", "\"reason\":\"healthy: p95 ratio 1.05\"");
    }

    @Test
    void setsTheWeightPausesResumesPromotesAndRollsBack() throws Exception {
        start(Optional.of(TOKEN));

        assertThat(send("POST", "/admin/traffic/canary/weight", TOKEN, "{\"weight\":0.35}").statusCode()).isEqualTo(200);
        for (String action : new String[] {"pause", "resume", "promote", "rollback"}) {
            assertThat(send("POST", "/admin/traffic/canary/" + action, TOKEN, null).statusCode()).isEqualTo(200);
        }

        assertThat(traffic.calls).containsExactly("weight 0.35 by ops-bot@127.0.0.1", "pause by ops-bot@127.0.0.1",
                "resume by ops-bot@127.0.0.1", "promote by ops-bot@127.0.0.1", "rollback by ops-bot@127.0.0.1");
    }

    @Test
    void aRoutingChangeThatCannotBeMadeSaysWhy() throws Exception {
        start(Optional.of(TOKEN));
        traffic.noCanary = true;

        HttpResponse<String> response = send("POST", "/admin/traffic/canary/promote", TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(ErrorReply.messageOf(response)).contains("No endpoint is the canary");
        assertThat(send("POST", "/admin/traffic/canary/weight", TOKEN, "{\"weight\":\"high\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void reportsSpendWithExactDecimals() throws Exception {
        start(Optional.of(TOKEN));

        HttpResponse<String> response = send("GET", "/admin/spend", TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"total_usd\":0.00112", "\"model\":\"deepseek-v3.2\"",
                "\"cost_usd\":0.00112", "\"input_tokens\":1000", "\"unpriced\":false",
                "\"hour\":\"2026-11-24T09:00:00Z\"");
    }

    private void start(Optional<String> token) {
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, 4096, Duration.ofSeconds(1), Duration.ofMillis(200));
        server = new JavalinHttpServer(settings, new FakeCompletions(), new FakeModels(),
                CallerAuthentication.everyoneLocal(),
                token.map(t -> new AdminApi(t, keys.asAdministration(), traffic.asAdministration(), SPEND,
                        new FakeClients().asAdministration(Map.of()))),
                Optional.empty()).start();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .header(AdminActor.HEADER, "ops-bot")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String body(String secret) {
        return "{\"secret\":\"" + secret + "\"}";
    }
}
