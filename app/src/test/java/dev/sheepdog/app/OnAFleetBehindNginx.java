package dev.sheepdog.app;

import dev.sheepdog.testing.nginx.Nginx;
import dev.sheepdog.testing.nginx.NginxExtension;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the fleet tests behind nginx stand on: for each test a {@link PacedUpstream} provider and a fresh
 * {@link NginxFleet} on the class's database, both stopped after it.
 */
@ExtendWith({PostgresExtension.class, NginxExtension.class})
abstract class OnAFleetBehindNginx {

    final TestDatabase database;
    private final Nginx nginx;
    private final AccessConfig access;
    PacedUpstream provider;
    NginxFleet fleet;

    OnAFleetBehindNginx(TestDatabase database, Nginx nginx, AccessConfig access) {
        this.database = database;
        this.nginx = nginx;
        this.access = access;
    }

    @BeforeEach
    void aFleetBehindNginx() throws Exception {
        provider = new PacedUpstream();
        fleet = NginxFleet.start(nginx, database, provider.baseUrl(), access);
    }

    // JUnit runs a subclass's @AfterEach (a database to start again) before this one.
    @AfterEach
    void stopIt() {
        if (fleet != null) {
            fleet.close();
        }
        provider.close();
    }
}
