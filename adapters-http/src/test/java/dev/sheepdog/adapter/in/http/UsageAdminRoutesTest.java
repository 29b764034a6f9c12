package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageQuery.GroupBy;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /admin/usage}: the query string becomes the ledger query, and its lines come back exactly. */
@Timeout(20)
class UsageAdminRoutesTest {

    private static final String CLIENT = "client:cl_3f9a0c1d2e4b";

    @RegisterExtension
    final RunningAdminGateway gateway = new RunningAdminGateway();

    @Test
    void datesRangeFromTheStartOfOneUtcDayToTheStartOfAnother() throws Exception {
        gateway.admin("GET", "/admin/usage?from=2026-12-01&to=2026-12-03", null);

        assertThat(onlyQuery()).isEqualTo(new UsageQuery(Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-03T00:00:00Z"), Optional.empty(), Optional.empty(), GroupBy.ACCOUNT));
    }

    @Test
    void instantsRangeExactly() throws Exception {
        gateway.admin("GET", "/admin/usage?from=2026-12-01T10:00:00Z&to=2026-12-01T11:30:00Z", null);

        assertThat(onlyQuery().from()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(onlyQuery().to()).isEqualTo(Instant.parse("2026-12-01T11:30:00Z"));
    }

    @Test
    void withoutARangeTheLastThirtyDaysAreAddedUp() throws Exception {
        Instant asked = Instant.now();

        gateway.admin("GET", "/admin/usage", null);

        UsageQuery query = onlyQuery();
        assertThat(query.to()).isAfter(asked);
        assertThat(Duration.between(query.from(), query.to())).isEqualTo(Duration.ofDays(30));
    }

    @ParameterizedTest(name = "by={0}")
    @CsvSource({"account, ACCOUNT", "model, MODEL", "account_model, ACCOUNT_AND_MODEL"})
    void byChoosesTheGrouping(String by, GroupBy groupBy) throws Exception {
        gateway.admin("GET", "/admin/usage?by=" + by, null);

        assertThat(onlyQuery().groupBy()).isEqualTo(groupBy);
    }

    @Test
    void anAccountAndAModelNarrowTheQuery() throws Exception {
        gateway.admin("GET", "/admin/usage?account=" + CLIENT + "&model=deepseek-v3.2", null);

        assertThat(onlyQuery().account()).hasValue(CLIENT);
        assertThat(onlyQuery().model()).hasValue("deepseek-v3.2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"by=day, by", "from=yesterday, from", "to=2026-13-01, to", "from=2026-12-02&to=2026-12-01, to"})
    void anImpossibleParameterIsABadRequestNamingIt(String query, String param) throws Exception {
        HttpResponse<String> response = gateway.admin("GET", "/admin/usage?" + query, null);

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(400, "invalid_request_error", param,
                "invalid_value"));
        assertThat(gateway.clients.usageQueries).isEmpty();
    }

    @Test
    void eachLineComesBackWithExactCost() throws Exception {
        gateway.clients.usage = List.of(new UsageLine(Optional.of(CLIENT), Optional.of("writer-web"),
                Optional.of("deepseek-v3.2"), 12, 1, 3400, 5600, new BigDecimal("0.004620"), 2, 3));

        HttpResponse<String> response = gateway.admin("GET", "/admin/usage?by=account_model", null);

        assertThat(RunningAdminGateway.json(response).get("usage").get(0).toString()).isEqualTo("{\"account\":\""
                + CLIENT + "\",\"name\":\"writer-web\",\"model\":\"deepseek-v3.2\",\"requests\":12,\"failed\":1,"
                + "\"input_tokens\":3400,\"output_tokens\":5600,\"cost_usd\":0.004620,\"unpriced_requests\":2,"
                + "\"estimated_requests\":3}");
    }

    @Test
    void aKeysUsageIsItsAccountPerModel() throws Exception {
        String id = gateway.clients.addClient("writer-web", dev.sheepdog.domain.model.caller.Plan.UNLIMITED,
                java.util.Optional.empty()).key().id().value();

        gateway.admin("GET", "/admin/clients/" + id + "/usage?account=client:cl_000000000000", null);

        assertThat(onlyQuery().account()).hasValue("client:" + id);
        assertThat(onlyQuery().groupBy()).isEqualTo(GroupBy.MODEL);
    }

    @Test
    void theUsageOfAKeyNeverMadeIsNotFound() throws Exception {
        HttpResponse<String> response = gateway.admin("GET", "/admin/clients/cl_3f9a0c1d2e4b/usage", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("client_not_found");
        assertThat(gateway.clients.usageQueries).isEmpty();
    }

    @ParameterizedTest(name = "?{0}")
    @CsvSource({"by=model", "from=2026-12-01", "to=2026-12-02", "account=" + CLIENT, "model=deepseek-v3.2"})
    void spendWithAUsageParameterAnswersFromTheLedger(String query) throws Exception {
        HttpResponse<String> response = gateway.admin("GET", "/admin/spend?" + query, null);

        assertThat(RunningAdminGateway.json(response).has("usage")).isTrue();
        assertThat(gateway.clients.usageQueries).hasSize(1);
    }

    @Test
    void spendWithoutParametersIsTheSpendReport() throws Exception {
        HttpResponse<String> response = gateway.admin("GET", "/admin/spend", null);

        assertThat(response.body()).contains("\"total_usd\":0.00112");
        assertThat(gateway.clients.usageQueries).isEmpty();
    }

    private UsageQuery onlyQuery() {
        assertThat(gateway.clients.usageQueries).as("usage queries").hasSize(1);
        return gateway.clients.usageQueries.getFirst();
    }
}
