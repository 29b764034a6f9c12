package dev.sheepdog.adapter.out.callerstore;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Runs one unit of work in one transaction on a pooled connection, with a deadline on every statement. */
final class Transactions {

    /** The longest any one statement may run; a lock is waited for at most LOCK_TIMEOUT (in the URL). */
    static final int QUERY_TIMEOUT_SECONDS = 10;

    // H2 stores years -999999999 to 999999999; Instant.MIN and MAX lie outside, so open ranges are clamped.
    private static final Instant EARLIEST = Instant.parse("-999999999-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+999999999-12-31T23:59:59.999999999Z");

    /** One piece of work on the transaction's connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource pool;
    private final String database;
    private final Supplier<Boolean> closed;

    Transactions(DataSource pool, String database, Supplier<Boolean> closed) {
        this.pool = pool;
        this.database = database;
        this.closed = closed;
    }

    /** Runs {@code work} and commits, or rolls back and throws a {@link CallerStoreException} saying {@code what} failed. */
    <T> T run(String what, Work<T> work) {
        if (closed.get()) {
            throw new CallerStoreException("cannot " + what + ": the caller database " + database + " is closed");
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(what, database, e);
        } catch (IllegalStateException e) {
            // H2's pool says so when it was disposed while a caller was on its way in
            throw new CallerStoreException("cannot " + what + ": the caller database " + database + " is closed", e);
        }
    }

    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    static OffsetDateTime timestamp(Instant instant) {
        Instant clamped = instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
        return OffsetDateTime.ofInstant(clamped, ZoneOffset.UTC);
    }

    static OffsetDateTime timestamp(Optional<Instant> instant) {
        return instant.map(Transactions::timestamp).orElse(null);
    }
}
