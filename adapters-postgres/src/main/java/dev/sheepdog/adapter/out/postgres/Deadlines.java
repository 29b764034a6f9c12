package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long any database call may take, so that none hangs on a dead connection: to get a connection
 * (the pool's wait and the driver's connect), to run a statement (the server's statement_timeout and
 * the driver's query timeout), and to hear anything at all on the socket (for a server that went silent).
 */
public record Deadlines(Duration connect, Duration statement, Duration socket) {

    /** Five seconds to connect, ten to run a statement, thirty of silence on the socket. */
    public static final Deadlines DEFAULT =
            new Deadlines(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));

    /** How long a schema migration may run: an index built over a large ledger takes minutes, not seconds. */
    static final Duration MIGRATION = Duration.ofMinutes(15);

    public Deadlines {
        requireNonNull(connect, "connect");
        requireNonNull(statement, "statement");
        requireNonNull(socket, "socket");
        if (connect.toMillis() < 250 || statement.toSeconds() < 1 || socket.compareTo(statement) <= 0) {
            throw new IllegalArgumentException("deadlines need connect >= 250 ms (HikariCP's least), statement"
                    + " >= 1 s and socket > statement: " + connect + ", " + statement + ", " + socket);
        }
    }

    /** The same connect deadline, with room for a migration's statements (and the silence while they run). */
    Deadlines forMigrations() {
        return new Deadlines(connect, MIGRATION, MIGRATION.plus(socket));
    }

    /** Whole seconds, rounded up, as the driver's settings take them. */
    static int seconds(Duration duration) {
        return (int) Math.max(1, Math.ceilDiv(duration.toMillis(), 1000));
    }
}
