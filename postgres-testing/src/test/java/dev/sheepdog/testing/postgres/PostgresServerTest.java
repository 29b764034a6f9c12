package dev.sheepdog.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresServerTest {

    private final TestDatabase database;

    PostgresServerTest(TestDatabase database) {
        this.database = database;
    }

    @Test
    void givesTheClassAnEmptyDatabaseOnALoopbackPort() throws SQLException {
        assertThat(database.host()).isEqualTo("127.0.0.1");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
             ResultSet tables = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }

    @Test
    void theSameDatabaseIsHandedToEveryTestOfTheClass(TestDatabase again) {
        assertThat(again).isEqualTo(database);
    }

    @Test
    void aStoppedServerRefusesLoginsAndStartsAgainWithItsDataOnTheSamePort(PostgresServer server) throws SQLException {
        try (Connection connection = server.login(database.name()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE survivor (name text)");
            statement.execute("INSERT INTO survivor VALUES ('kept')");
        }
        int port = server.port();

        server.stop();
        assertThat(server.running()).isFalse();
        assertThatThrownBy(() -> server.login(database.name()).close()).isInstanceOf(SQLException.class);

        server.startAgain();
        assertThat(server.port()).isEqualTo(port);
        try (Connection connection = server.login(database.name());
             ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void eachNewDatabaseIsAnotherOne(PostgresServer server) {
        TestDatabase other = server.createDatabase("PostgresServerTest");

        assertThat(other.name()).isNotEqualTo(database.name()).startsWith("postgresservertest_");
    }
}
