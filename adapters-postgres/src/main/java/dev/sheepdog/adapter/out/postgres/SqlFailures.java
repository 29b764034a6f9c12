package dev.sheepdog.adapter.out.postgres;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Says in words what a PostgreSQL failure means for the operator. Only the SQLSTATE is read: the server's
 * messages may quote the values of a row (a unique violation shows the key), so none is repeated.
 */
final class SqlFailures {

    private SqlFailures() {
    }

    static String reason(SQLException e, Deadlines deadlines) {
        if (causedBy(e, SocketTimeoutException.class)) {
            return "PostgreSQL did not answer within " + deadlines.socket().toSeconds() + " s";
        }
        if (e instanceof SQLTransientConnectionException) {
            // HikariCP: no connection could be had within the deadline
            return "no connection within " + deadlines.connect().toMillis() + " ms (is PostgreSQL up and reachable?)";
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if ("23505".equals(state) && "client_key_secret_hash".equals(constraint(e))) {
            return "another client key already has the same secret";
        }
        if (state.startsWith("08")) {
            return "the connection to PostgreSQL failed (is it up and reachable?)";
        }
        if (state.startsWith("28")) {
            return "PostgreSQL refused the login (wrong user or password?)";
        }
        return switch (state) {
            case "57014" -> "it took longer than " + deadlines.statement().toSeconds() + " s";
            case "55P03" -> "it stayed locked by other writers for longer than " + deadlines.statement().toSeconds() + " s";
            case "40001", "40P01" -> "it collided with another instance's write; try again";
            case "57P01", "57P02", "57P03" -> "PostgreSQL is shutting down or starting up";
            case "53300" -> "PostgreSQL has no connection left (max_connections)";
            case "3D000" -> "the database does not exist";
            case "" -> e.getClass().getSimpleName();
            default -> "PostgreSQL error " + state;
        };
    }

    private static String constraint(SQLException e) {
        ServerErrorMessage message = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return message == null ? null : message.getConstraint();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
