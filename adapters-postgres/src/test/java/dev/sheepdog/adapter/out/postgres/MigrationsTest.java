package dev.sheepdog.adapter.out.postgres;

import static dev.sheepdog.domain.port.out.ClientStoreContract.CREATED;
import static dev.sheepdog.domain.port.out.ClientStoreContract.fullKey;
import static dev.sheepdog.domain.port.out.KeyStoreContract.assertSameKeys;
import static dev.sheepdog.domain.port.out.KeyStoreContract.sampleKeys;
import static dev.sheepdog.domain.port.out.RouteStoreContract.assertSameState;
import static dev.sheepdog.domain.port.out.RouteStoreContract.sampleState;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.PostgresServer;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class MigrationsTest {

    /** Every version, oldest first; the one before the last is where a database of the previous release is. */
    private static final List<String> ALL = List.of("1", "2", "3", "4", "5", "6", "7");
    private static final String PREVIOUS = ALL.get(ALL.size() - 2);

    private final PostgresServer server;

    MigrationsTest(PostgresServer server) {
        this.server = server;
    }

    @Test
    void migratesAnEmptyDatabaseToTheLatestVersion() throws SQLException {
        TestDatabase empty = server.createDatabase("migrate_empty");

        try (PostgresDatabase opened = Databases.open(empty)) {
            assertThat(opened.limitCounters().takeRequest("alice", 1)).isEmpty();
        }

        assertThat(appliedVersions(empty)).containsExactlyElementsOf(ALL);
    }

    @Test
    void migratesADatabaseAtThePreviousVersionKeepingEveryRow() throws SQLException {
        TestDatabase old = server.createDatabase("migrate_previous");
        ClientKey key = fullKey("from the previous version", CREATED);
        try (PostgresDatabase previous = PostgresDatabase.open(old.url(Databases.PASSWORD), Deadlines.DEFAULT,
                Optional.of(PREVIOUS))) {
            previous.keyStore(Optional.of("master")).save(sampleKeys());
            previous.routeStore().save(sampleState());
            previous.clientStore().save(key);
            previous.usageLedger().record(usage(T0, "client:cl_00000000a11c", "m", "0.125"));
        }
        assertThat(appliedVersions(old)).containsExactlyElementsOf(ALL.subList(0, ALL.size() - 1));

        try (PostgresDatabase latest = Databases.open(old)) {
            assertSameKeys(latest.keyStore(Optional.of("master")).load(), sampleKeys());
            assertSameState(latest.routeStore().load(), sampleState());
            assertThat(latest.clientStore().all()).containsExactly(key);
            assertThat(latest.usageLedger().spentSince("client:cl_00000000a11c", T0)).isEqualByComparingTo("0.125");
            assertThat(latest.limitCounters().openStream("alice", 1)).isTrue();
        }
        assertThat(appliedVersions(old)).containsExactlyElementsOf(ALL);
    }

    @Test
    void aSecondInstanceStartingOnAMigratedDatabaseChangesNothing() throws SQLException {
        TestDatabase database = server.createDatabase("migrate_twice");
        try (PostgresDatabase first = Databases.open(database); PostgresDatabase second = Databases.open(database)) {
            first.usageLedger().record(usage(T0, "user:a", "m", "1"));
            assertThat(second.usageLedger().spentSince("user:a", T0)).isEqualByComparingTo("1");
        }
        assertThat(appliedVersions(database)).containsExactlyElementsOf(ALL);
    }

    private static List<String> appliedVersions(TestDatabase database) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = Databases.connect(database);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }
}
