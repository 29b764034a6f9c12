package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.port.out.JudgeElection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's {@link JudgeElection}: the judge is the gateway holding a session-level advisory lock,
 * on a connection of its own (a pooled one would be recycled, and the lock with it). When the judge
 * dies its session ends and PostgreSQL frees the lock, so whoever asks next takes it: within one
 * interval. Each call proves the session still alive within the statement deadline; a judge that
 * cannot stops judging, and its session, once the server notices, frees the lock for another.
 */
public final class PostgresJudgeElection implements JudgeElection, AutoCloseable {

    /** The lock's key, one for every Sheepdog on the database: "Sheepdog" in ASCII. */
    static final long LOCK = 0x5368656570646F67L;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresJudgeElection.class);

    private final DatabaseUrl url;
    private final Deadlines deadlines;
    private Connection session;
    private boolean holding;
    private boolean closed;

    PostgresJudgeElection(DatabaseUrl url, Deadlines deadlines) {
        this.url = requireNonNull(url, "url");
        this.deadlines = requireNonNull(deadlines, "deadlines");
    }

    @Override
    public synchronized boolean lead() {
        if (closed) {
            return false;
        }
        try {
            if (session == null) {
                session = connect();
            }
            if (holding) {
                // A session-level lock lasts as long as its session: alive means still held.
                if (session.isValid(Deadlines.seconds(deadlines.statement()))) {
                    return true;
                }
                throw new SQLException("the judge's session is gone");
            }
            holding = tryLock();
            return holding;
        } catch (SQLException e) {
            LOG.warn("{} the canary judge's lock in the database {}: {}", holding ? "lost" : "cannot compete for",
                    url, PostgresUnavailable.reason(e, deadlines));
            drop();
            return false;
        }
    }

    private boolean tryLock() throws SQLException {
        try (PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setQueryTimeout(Deadlines.seconds(deadlines.statement()));
            lock.setLong(1, LOCK);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private Connection connect() throws SQLException {
        return SessionConnections.open(url, deadlines, "sheepdog-canary-judge");
    }

    private void drop() {
        holding = false;
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // gone already: the server ends the session, and frees the lock, when it notices
            }
            session = null;
        }
    }

    /** Ends the session, which frees the lock for another gateway at once. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }
}
