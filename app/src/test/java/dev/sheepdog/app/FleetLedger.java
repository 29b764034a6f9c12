package dev.sheepdog.app;

import dev.sheepdog.testing.postgres.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The fleet's database as the tests read it: the usage ledger's rows, what an account spent, its streams. */
record FleetLedger(TestDatabase database) {

    static FleetLedger of(TestDatabase database) {
        return new FleetLedger(database);
    }

    /** Drops every table, so that each test's gateways start on an empty database and migrate it. */
    void emptyTheDatabase() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        }
    }

    int rows() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM usage_record")) {
            count.next();
            return count.getInt(1);
        }
    }

    /** The rows; 0 while the database cannot be reached. */
    int rowsOrZero() {
        try {
            return rows();
        } catch (SQLException notBackYet) {
            return 0;
        }
    }

    /** The account's concurrent-stream slots taken in the fleet's counters. */
    int streamSlotsTakenBy(String account) throws SQLException {
        return query("SELECT coalesce(sum(open), 0) FROM limit_stream WHERE account = ?", account).intValue();
    }

    int rowsOf(String account) throws SQLException {
        return query("SELECT count(*) FROM usage_record WHERE account = ?", account).intValue();
    }

    BigDecimal spentBy(String account) throws SQLException {
        return query("SELECT coalesce(sum(cost_usd), 0) FROM usage_record WHERE account = ?", account);
    }

    /** What each of the account's completions cost, in no order. */
    List<BigDecimal> costsOf(String account) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT cost_usd FROM usage_record WHERE account = ?")) {
            statement.setString(1, account);
            try (ResultSet rows = statement.executeQuery()) {
                List<BigDecimal> costs = new ArrayList<>();
                while (rows.next()) {
                    costs.add(rows.getBigDecimal(1));
                }
                return costs;
            }
        }
    }

    private BigDecimal query(String sql, String account) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, account);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBigDecimal(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
    }
}
