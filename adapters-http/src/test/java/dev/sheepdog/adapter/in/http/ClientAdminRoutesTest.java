package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /admin/clients}: a new key answers with its secret once, and with every limit it got. */
@Timeout(20)
class ClientAdminRoutesTest {

    private static final Plan FREE = new Plan("free", new Limits(OptionalInt.of(10), OptionalLong.of(20_000),
            OptionalInt.empty(), Optional.of(new BigDecimal("0.05")), Optional.empty()), Set.of("deepseek-v3.2"));

    @RegisterExtension
    final RunningAdminGateway gateway = new RunningAdminGateway().withPlans(Map.of("free", FREE));

    @Test
    void aNewKeyAnswers201WithItsSecretAndEveryLimit() throws Exception {
        HttpResponse<String> response = gateway.admin("POST", "/admin/clients", "{\"name\":\"writer-web\","
                + "\"rpm\":60,\"tpm\":100000,\"concurrent_streams\":5,\"daily_usd\":2,\"monthly_usd\":40.50,"
                + "\"models\":[\"deepseek-v3.2\",\"gpt-4.1\"],\"expires_at\":\"2027-01-31T00:00:00Z\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode key = RunningAdminGateway.json(response);
        assertThat(key.get("secret").asText()).startsWith("sk-sd-");
        assertThat(key.get("id").asText()).matches("cl_[0-9a-f]{12}");
        assertThat(key.get("account").asText()).isEqualTo("client:" + key.get("id").asText());
        assertThat(key.get("name").asText()).isEqualTo("writer-web");
        assertThat(key.get("status").asText()).isEqualTo("active");
        assertThat(key.get("limits").toString()).isEqualTo("{\"rpm\":60,\"tpm\":100000,\"concurrent_streams\":5,"
                + "\"daily_usd\":2,\"monthly_usd\":40.50}");
        assertThat(key.get("models").toString()).isEqualTo("[\"deepseek-v3.2\",\"gpt-4.1\"]");
        assertThat(key.get("expires_at").asText()).isEqualTo("2027-01-31T00:00:00Z");
    }

    @Test
    void aKeyWithoutLimitsIsUnboundedForEveryModel() throws Exception {
        JsonNode key = RunningAdminGateway.json(gateway.admin("POST", "/admin/clients", "{\"name\":\"ops\"}"));

        assertThat(key.get("plan").asText()).isEqualTo("custom");
        assertThat(key.get("limits").toString()).isEqualTo("{\"rpm\":null,\"tpm\":null,\"concurrent_streams\":null,"
                + "\"daily_usd\":null,\"monthly_usd\":null}");
        assertThat(key.get("models")).isEmpty();
        assertThat(key.get("expires_at").isNull()).isTrue();
    }

    @Test
    void aKeyStartsFromAConfiguredPlanWithTheBoundsTheRequestSets() throws Exception {
        JsonNode key = RunningAdminGateway.json(gateway.admin("POST", "/admin/clients",
                "{\"name\":\"trial\",\"plan\":\"free\",\"rpm\":20}"));

        assertThat(key.get("plan").asText()).isEqualTo("free");
        assertThat(key.get("limits").toString()).isEqualTo("{\"rpm\":20,\"tpm\":20000,\"concurrent_streams\":null,"
                + "\"daily_usd\":0.05,\"monthly_usd\":null}");
        assertThat(key.get("models").toString()).isEqualTo("[\"deepseek-v3.2\"]");
    }

    @Test
    void anUnknownPlanIsABadRequestNamingThePlans() throws Exception {
        HttpResponse<String> response = gateway.admin("POST", "/admin/clients", "{\"name\":\"t\",\"plan\":\"gold\"}");

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(400, "invalid_request_error", "plan",
                "unknown_plan"));
        assertThat(ErrorReply.messageOf(response)).contains("gold", "free");
        assertThat(gateway.clients.keys).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"name\":\"\"}", "{\"rpm\":5}"})
    void aKeyNeedsAName(String body) throws Exception {
        HttpResponse<String> response = gateway.admin("POST", "/admin/clients", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ErrorReply.of(response).param()).isEqualTo("name");
        assertThat(gateway.clients.keys).isEmpty();
    }

    @ParameterizedTest(name = "rpm: {0}")
    @ValueSource(strings = {"\"x\"", "1.5", "-1", "0", "99999999999", "true"})
    void aRequestsPerMinuteThatIsNotAPositiveWholeNumberIsInvalid(String rpm) throws Exception {
        HttpResponse<String> response = gateway.admin("POST", "/admin/clients", "{\"name\":\"w\",\"rpm\":" + rpm + "}");

        assertThat(ErrorReply.of(response).code()).isEqualTo("invalid_value");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(gateway.clients.keys).isEmpty();
    }

    @ParameterizedTest(name = "daily_usd: {0}")
    @ValueSource(strings = {"\"lots\"", "-0.01", "true", "[]"})
    void aDailyBudgetThatIsNotAnAmountIsInvalid(String dailyUsd) throws Exception {
        HttpResponse<String> response = gateway.admin("POST", "/admin/clients",
                "{\"name\":\"w\",\"daily_usd\":" + dailyUsd + "}");

        assertThat(ErrorReply.of(response).code()).isEqualTo("invalid_value");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(gateway.clients.keys).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not json", "[1,2]", "{\"name\":\"w\",\"expires_at\":\"next week\"}",
        "{\"name\":\"w\",\"models\":\"gpt-4.1\"}"})
    void aBodyThatCannotBeReadIsABadRequest(String body) throws Exception {
        assertThat(gateway.admin("POST", "/admin/clients", body).statusCode()).isEqualTo(400);
        assertThat(gateway.clients.keys).isEmpty();
    }
}
