package dev.sheepdog.adapter.out.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Runs a unit of work on a pooled connection, with a deadline on every statement, and turns any failure
 * into the exception of the port being served, saying in words what failed and never quoting SQL or values.
 */
final class Transactions {

    /** A piece of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource pool;
    private final Deadlines deadlines;
    private final String target;
    private final BooleanSupplier closed;
    private final OutageBreaker breaker;
    private final BiFunction<String, Throwable, RuntimeException> failure;

    Transactions(DataSource pool, Deadlines deadlines, String target, BooleanSupplier closed,
                 BiFunction<String, Throwable, RuntimeException> failure) {
        this(pool, deadlines, target, closed, new OutageBreaker(), failure);
    }

    private Transactions(DataSource pool, Deadlines deadlines, String target, BooleanSupplier closed,
                         OutageBreaker breaker, BiFunction<String, Throwable, RuntimeException> failure) {
        this.pool = pool;
        this.deadlines = deadlines;
        this.target = target;
        this.closed = closed;
        this.breaker = breaker;
        this.failure = failure;
    }

    /** The same database, and the same knowledge of whether it is away, failing with another port's exception. */
    Transactions failingWith(BiFunction<String, Throwable, RuntimeException> otherFailure) {
        return new Transactions(pool, deadlines, target, closed, breaker, otherFailure);
    }

    /** Runs {@code work} in one transaction and commits, or rolls back and throws the port's exception. */
    <T> T inTransaction(String what, Work<T> work) {
        return onConnection(what, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection);
                throw e;
            }
        });
    }

    /** Runs {@code work}, one statement that commits itself: one round trip, no BEGIN or COMMIT. */
    <T> T single(String what, Work<T> work) {
        return onConnection(what, work);
    }

    /** A statement on the connection that the driver cancels at the statement deadline. */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(Deadlines.seconds(deadlines.statement()));
        return statement;
    }

    String target() {
        return target;
    }

    private <T> T onConnection(String what, Work<T> work) {
        if (closed.getAsBoolean()) {
            throw failure.apply("cannot " + what + ": the database " + target + " is closed", null);
        }
        try {
            return breaker.call(() -> {
                try (Connection connection = pool.getConnection()) {
                    return work.run(connection);
                }
            }, () -> failure.apply("cannot " + what + ": the database " + target + " is unreachable (the last calls "
                    + "failed; the next try is within " + OutageBreaker.PAUSE.toSeconds() + " s)", null));
        } catch (SQLException e) {
            throw failure.apply("cannot " + what + " in the database " + target + ": "
                    + SqlFailures.reason(e, deadlines), e);
        }
    }

    private static void rollBack(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException alreadyBroken) {
            // the connection is gone; the pool drops it, and the server rolls the transaction back
        }
    }
}
