package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.testing.nginx.Nginx;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client key's $0.02 a day holds for the fleet as a whole: nginx spreads its requests over gateways A and
 * B, both read what was spent from the one ledger, so the budget is overrun only by what was in flight.
 */
@Timeout(120)
class FleetDailyBudgetBehindNginxTest extends OnAFleetBehindNginx {

    /** 500 prompt and 125 completion tokens of gpt-4.1 (PacedUpstream), at $2 and $8 a million. */
    private static final BigDecimal COST_OF_ONE = new BigDecimal("0.002");
    private static final int CLIENTS = 4;

    FleetDailyBudgetBehindNginxTest(TestDatabase database, Nginx nginx) {
        super(database, nginx, NginxFleet.METERED_ACCESS);
    }

    @Test
    void aBudgetSpentThroughBothGatewaysIsOverrunByAtMostTheRequestsInFlightWhenItIsCrossed() throws Exception {
        JsonNode client = fleet.addClient("{\"name\":\"budgeted\",\"plan\":\"metered\"}");
        String secret = client.path("secret").asText();
        String account = "client:" + client.path("id").asText();

        // Each client sends one request after another until one is refused: never more than four in flight.
        AtomicBoolean refused = new AtomicBoolean();
        List<HttpResponse<String>> answers = new ArrayList<>();
        Together.run(CLIENTS, () -> {
            List<HttpResponse<String>> mine = new ArrayList<>();
            while (!refused.get()) {
                HttpResponse<String> answer = NginxFleet.complete(fleet.nginx.url(), "gpt-4.1", "hi",
                        Optional.of(secret));
                mine.add(answer);
                refused.compareAndSet(false, answer.statusCode() != 200);
            }
            return mine;
        }).forEach(answers::addAll);

        FleetLedger ledger = FleetLedger.of(database);
        long served = answers.stream().filter(answer -> answer.statusCode() == 200).count();
        assertThat(answers).filteredOn(answer -> answer.statusCode() != 200).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(CallerGateway.errorCode(answer)).isEqualTo("budget_exceeded");
        });
        assertThat(ledger.costsOf(account)).as("each completion's cost").hasSize((int) served)
                .allSatisfy(cost -> assertThat(cost).isEqualByComparingTo(COST_OF_ONE));
        BigDecimal spent = ledger.spentBy(account);
        BigDecimal budget = NginxFleet.METERED.limits().dailyUsd().orElseThrow();
        assertThat(spent).as("crossed").isGreaterThanOrEqualTo(budget);
        // The request that crossed it ends exactly on $0.02 (every cost is $0.002); each other client may have had
        // one more in flight, admitted before that request's cost reached the ledger.
        assertThat(spent.subtract(budget)).as("the overrun").isLessThanOrEqualTo(
                COST_OF_ONE.multiply(BigDecimal.valueOf(CLIENTS - 1)));
        assertThat(fleet.completionsAnsweredBy(fleet.nginx.requests(1 + answers.size())))
                .as("both gateways served the account").containsOnlyKeys("A", "B");
    }
}
