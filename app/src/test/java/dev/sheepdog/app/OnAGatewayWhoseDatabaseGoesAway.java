package dev.sheepdog.app;

import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.PostgresServer;
import dev.sheepdog.testing.postgres.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the outage tests of one fleet gateway stand on: the class's database emptied before each test, the
 * server a test may stop, and the {@code gateway} the test class starts; after each test the database is
 * started again and only then the gateway stopped.
 *
 * @param <G> the kind of gateway the tests drive
 */
@ExtendWith(PostgresExtension.class)
abstract class OnAGatewayWhoseDatabaseGoesAway<G extends AutoCloseable> {

    final TestDatabase database;
    final PostgresServer server;
    G gateway;

    OnAGatewayWhoseDatabaseGoesAway(TestDatabase database, PostgresServer server) {
        this.database = database;
        this.server = server;
    }

    // JUnit runs this before a subclass's @BeforeEach, which starts the gateway.
    @BeforeEach
    void anEmptyDatabase() throws Exception {
        FleetLedger.of(database).emptyTheDatabase();
    }

    @AfterEach
    void theDatabaseBackThenTheGatewayStopped() throws Exception {
        if (!server.running()) {
            server.startAgain();
        }
        gateway.close();
    }
}
