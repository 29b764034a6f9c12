package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing, showing, changing and revoking client keys; no answer but the first ever shows a secret. */
@Timeout(20)
class ClientAdminChangesTest {

    @RegisterExtension
    final RunningAdminGateway gateway = new RunningAdminGateway();

    private String id;
    private String secret;
    private String hint;

    @BeforeEach
    void addAKey() throws Exception {
        JsonNode made = RunningAdminGateway.json(gateway.admin("POST", "/admin/clients",
                "{\"name\":\"writer-web\",\"rpm\":60}"));
        id = made.get("id").asText();
        secret = made.get("secret").asText();
        hint = made.get("hint").asText();
    }

    @Test
    void theListShowsEachKeyByItsHintNeverItsSecret() throws Exception {
        HttpResponse<String> response = gateway.admin("GET", "/admin/clients", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode key = RunningAdminGateway.json(response).get("clients").get(0);
        assertThat(key.get("id").asText()).isEqualTo(id);
        assertThat(key.get("hint").asText()).isEqualTo(hint);
        assertThat(key.has("secret")).isFalse();
        assertThat(response.body()).doesNotContain(secret.substring(hint.length() - 1));
    }

    @Test
    void oneKeyIsShownWithWhereItStandsNeverWithItsSecret() throws Exception {
        HttpResponse<String> response = gateway.admin("GET", "/admin/clients/" + id, null);

        JsonNode key = RunningAdminGateway.json(response);
        assertThat(key.get("name").asText()).isEqualTo("writer-web");
        assertThat(key.get("usage").toString()).isEqualTo("{\"requests_left_this_minute\":7,\"open_streams\":1,"
                + "\"spent_today_usd\":0.0125,\"spent_this_month_usd\":1.5}");
        assertThat(response.body()).doesNotContain(secret.substring(hint.length() - 1)).doesNotContain("\"secret\"");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, cl_000000000000", "GET, nope", "PATCH, cl_000000000000", "POST, cl_000000000000/revoke",
        "DELETE, nope", "DELETE, CL_000000000000"})
    void anUnknownOrMalformedIdIsNotFound(String method, String path) throws Exception {
        HttpResponse<String> response = gateway.admin(method, "/admin/clients/" + path,
                method.equals("PATCH") ? "{\"enabled\":false}" : null);

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(404, "invalid_request_error", "id",
                "client_not_found"));
    }

    @Test
    void disablingAKeyShowsItDisabled() throws Exception {
        JsonNode key = RunningAdminGateway.json(gateway.admin("PATCH", "/admin/clients/" + id,
                "{\"enabled\":false}"));

        assertThat(key.get("enabled").asBoolean()).isFalse();
        assertThat(key.get("status").asText()).isEqualTo("disabled");
    }

    @Test
    void renamingAKeyKeepsItsId() throws Exception {
        gateway.admin("PATCH", "/admin/clients/" + id, "{\"name\":\"writer-web-2\"}");

        JsonNode key = RunningAdminGateway.json(gateway.admin("GET", "/admin/clients/" + id, null));
        assertThat(key.get("name").asText()).isEqualTo("writer-web-2");
        assertThat(key.get("status").asText()).isEqualTo("active");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"enabled\":\"no\"}", "{\"name\":7}", "{\"rpm\":0}", "not json"})
    void anImpossibleChangeIsABadRequest(String body) throws Exception {
        HttpResponse<String> response = gateway.admin("PATCH", "/admin/clients/" + id, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ErrorReply.of(response).type()).isEqualTo("invalid_request_error");
    }

    @Test
    void aRevokedKeyCannotBeChanged() throws Exception {
        gateway.admin("POST", "/admin/clients/" + id + "/revoke", null);

        HttpResponse<String> response = gateway.admin("PATCH", "/admin/clients/" + id, "{\"enabled\":true}");

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(409, "invalid_request_error", null,
                "client_revoked"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"POST, /revoke", "DELETE, ''"})
    void aKeyIsRevokedForGood(String method, String suffix) throws Exception {
        HttpResponse<String> response = gateway.admin(method, "/admin/clients/" + id + suffix, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode key = RunningAdminGateway.json(response);
        assertThat(key.get("status").asText()).isEqualTo("revoked");
        assertThat(key.get("revoked_at").asText()).isEqualTo("2026-12-02T00:00:00Z");
        assertThat(gateway.clients.keys.values()).allSatisfy(stored -> assertThat(stored.revokedAt()).isPresent());
    }
}
