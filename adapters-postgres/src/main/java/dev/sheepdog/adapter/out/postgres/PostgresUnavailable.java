package dev.sheepdog.adapter.out.postgres;

import java.sql.SQLException;

/** The fleet's database cannot be opened: a malformed URL, no connection, a refused login, a failed migration. */
public final class PostgresUnavailable extends RuntimeException {

    PostgresUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The SQL failure under {@code e}, in words; else the first line of its message (Flyway's say what
     * disagrees between the schema and the migrations, and never hold the password).
     */
    static String reason(Throwable e, Deadlines deadlines) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return SqlFailures.reason(sql, deadlines);
            }
        }
        String message = String.valueOf(e.getMessage()).strip();
        return message.contains("\n") ? message.substring(0, message.indexOf('\n')) : message;
    }
}
