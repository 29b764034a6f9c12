package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the two-gateway fleet tests stand on: a provider that takes every good key, the class's database emptied
 * before each test, and gateways {@code a} and {@code b} on it, which the test class starts and this stops.
 */
@ExtendWith(PostgresExtension.class)
abstract class OnTwoGatewaysSharingADatabase {

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final TestDatabase database;
    RunningGateway a;
    RunningGateway b;

    OnTwoGatewaysSharingADatabase(TestDatabase database) {
        this.database = database;
    }

    // JUnit runs this before a subclass's @BeforeEach, which starts the gateways.
    @BeforeEach
    void anEmptyDatabaseAndAProviderThatTakesGoodKeys() throws Exception {
        FleetLedger.of(database).emptyTheDatabase();
        GoodKeysProvider.stub(provider);
    }

    @AfterEach
    void stopThem() {
        a.close();
        b.close();
    }

    /** A gateway of the fleet, on the provider, started with these keys. */
    GatewayConfig fleetMember(List<String> keys) {
        return FleetMember.config(database, URI.create(provider.baseUrl() + "/v1"), keys);
    }
}
