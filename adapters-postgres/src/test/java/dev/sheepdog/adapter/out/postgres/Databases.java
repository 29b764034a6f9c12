package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.testing.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The test class's database opened as the gateway opens it, emptied first so that each test starts with nothing. */
final class Databases {

    /** What the tests pass as the password; the test server trusts every local login, so any would do. */
    static final String PASSWORD = "pg-secret-do-not-show";
    /** A second to connect and to run a statement, three of silence: how outage tests see calls fail soon. */
    static final Deadlines SHORT_DEADLINES =
            new Deadlines(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3));

    private Databases() {
    }

    static PostgresDatabase open(TestDatabase database) {
        return PostgresDatabase.open(database.url(PASSWORD));
    }

    /** Opens (migrating on first use) and deletes every row of every table. */
    static PostgresDatabase openEmptied(TestDatabase database) {
        PostgresDatabase opened = open(database);
        execute(database, "TRUNCATE provider_keys, route_state, client_key, client_key_model, usage_record,"
                + " limit_bucket, limit_stream, limit_stream_holder, gateway_heartbeat, key_rest");
        return opened;
    }

    /** Runs SQL as the superuser, beside the adapter: how tests look at what is stored. */
    static void execute(TestDatabase database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
    }
}
