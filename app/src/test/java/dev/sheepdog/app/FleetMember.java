package dev.sheepdog.app;

import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the fleet tests configure each of their gateways: one provider, one admin token, one database. */
final class FleetMember {

    static final String ADMIN_TOKEN = "fleet-admin-token";
    /** No probation: a replaced key leaves as soon as its streams are over. */
    static final KeyPolicy NO_PROBATION = new KeyPolicy(Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(30),
            Duration.ofSeconds(5), Duration.ofSeconds(30));

    private FleetMember() {
    }

    /** A gateway of the fleet on {@code database}, sending completions to {@code providerUrl}, started with {@code keys}. */
    static GatewayConfig config(TestDatabase database, URI providerUrl, List<String> keys) {
        return RunningGateway.config(SimulatorSettings.DEFAULT, keys, providerUrl, StreamDeadlines.DEFAULT,
                Optional.of(ADMIN_TOKEN)).withDatabaseUrl(database.url("unused"));
    }
}
