package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.testing.postgres.PostgresServer;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared database goes away under a fleet gateway: client keys it has seen are still served, within
 * their budgets as last known plus what this gateway served since; a key it never saw cannot be checked.
 */
@Timeout(120)
class FleetCallersDuringOutageTest extends OnAGatewayWhoseDatabaseGoesAway<CallerGateway> {

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    FleetCallersDuringOutageTest(TestDatabase database, PostgresServer server) {
        super(database, server);
    }

    @BeforeEach
    void aFleetGateway() {
        // 10,000 + 10,000 tokens of deepseek-v3.2: $0.0028 + $0.0042 = $0.007 a request.
        CallerGateway.answerWithUsage(provider, 10_000, 10_000);
        gateway = CallerGateway.start(CallerGateway.config(provider, AccessConfig.DEFAULT)
                .withDatabaseUrl(database.url("unused")));
    }

    @Test
    void aBudgetedClientSeenBeforeTheOutageIsServedUntilItsBudgetAsLastKnownIsSpent() {
        String secret = gateway.addClient("{\"name\":\"writer\",\"daily_usd\":\"0.02\"}").path("secret").asText();
        String neverSeen = gateway.addClient("{\"name\":\"idle\",\"daily_usd\":\"0.02\"}").path("secret").asText();
        assertThat(gateway.completeWithKey(secret).statusCode()).isEqualTo(200); // $0.007 known

        server.stop();

        assertThat(gateway.completeWithKey(secret).statusCode()).as("$0.014 with this one").isEqualTo(200);
        assertThat(gateway.completeWithKey(secret).statusCode()).as("$0.021 with this one").isEqualTo(200);
        HttpResponse<String> spent = gateway.completeWithKey(secret);
        assertThat(spent.statusCode()).isEqualTo(429);
        assertThat(CallerGateway.errorCode(spent)).isEqualTo("budget_exceeded");
        HttpResponse<String> unknown = gateway.completeWithKey(neverSeen);
        assertThat(unknown.statusCode()).isEqualTo(503);
        assertThat(CallerGateway.errorCode(unknown)).isEqualTo("store_unavailable");
    }
}
