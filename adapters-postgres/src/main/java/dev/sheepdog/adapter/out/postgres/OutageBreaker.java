package dev.sheepdog.adapter.out.postgres;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Stops a gateway from waiting on a database that is away. Once calls in a row fail because the
 * database cannot be reached (no connection within the deadline, a connection lost, a read that timed
 * out, a server shutting down), further calls fail at once for a moment, and then one call tries again.
 * Without it every request in an outage would wait out the connect deadline on every call it makes.
 * Failures the database answered with (a constraint, a lock timeout) say nothing of its reach and do not
 * count. One breaker serves every store of one database.
 */
final class OutageBreaker {

    /** How long calls fail at once before one tries the database again. */
    static final Duration PAUSE = Duration.ofSeconds(1);

    private final CircuitBreaker breaker = CircuitBreaker.of("sheepdog-postgres", CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(2)
            .minimumNumberOfCalls(2)
            .failureRateThreshold(100)
            .waitDurationInOpenState(PAUSE)
            .permittedNumberOfCallsInHalfOpenState(1)
            .build());

    /** Runs the call unless the database is known to be away; then {@code away} says why, and nothing runs. */
    <T> T call(SqlCall<T> call, Supplier<RuntimeException> away) throws SQLException {
        if (!breaker.tryAcquirePermission()) {
            throw away.get();
        }
        long start = System.nanoTime();
        boolean reached = true;
        try {
            return call.run();
        } catch (SQLException e) {
            reached = !unreachable(e);
            throw e;
        } finally {
            long took = System.nanoTime() - start;
            if (reached) {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(took, TimeUnit.NANOSECONDS, new IllegalStateException("the database is unreachable"));
            }
        }
    }

    static boolean unreachable(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            // HikariCP's "no connection within the deadline": the database is away only when the pool's last
            // attempt to connect failed (its cause); without one, every connection is busy, and a busy
            // database is no reason to fail calls at once
            return e.getCause() != null;
        }
        if (e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300");
    }

    /** A call on the database. */
    @FunctionalInterface
    interface SqlCall<T> {
        T run() throws SQLException;
    }
}
