package dev.sheepdog.adapter.out.callerstore;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Says in words what an H2 error means for the operator, without the SQL or the values it carried. */
final class SqlFailures {

    private SqlFailures() {
    }

    static CallerStoreException translate(String what, String database, SQLException e) {
        String reason = switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "another process has it open (stop the other Sheepdog, or give"
                    + " this one another data directory)";
            case ErrorCode.LOCK_TIMEOUT_1, ErrorCode.DEADLOCK_1 -> "it stayed locked by other writers for too long";
            case ErrorCode.STATEMENT_WAS_CANCELED -> "it took longer than " + Transactions.QUERY_TIMEOUT_SECONDS + " s";
            case ErrorCode.DUPLICATE_KEY_1 -> "another client key already has the same secret";
            case ErrorCode.FILE_CORRUPTED_1 -> "the file is corrupt; restore it from a backup";
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 -> "it cannot be read or written (disk full,"
                    + " or no permission?)";
            case ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN -> "it is closed";
            default -> "H2 error " + e.getErrorCode() + ": " + firstLine(e.getMessage());
        };
        return new CallerStoreException("cannot " + what + " in the caller database " + database + ": " + reason, e);
    }

    /** H2 appends the statement, with its values, after "; SQL statement:"; only the reason before it is kept. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int statement = message.indexOf("; SQL statement:");
        String reason = statement >= 0 ? message.substring(0, statement) : message;
        int newline = reason.indexOf('\n');
        return newline >= 0 ? reason.substring(0, newline) : reason;
    }
}
