package dev.sheepdog.adapter.out.callerstore;

import static dev.sheepdog.adapter.out.callerstore.Transactions.timestamp;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.UsageRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Writes batches of usage records for the ledger's one writer thread, on a connection and a prepared
 * INSERT it keeps from one batch to the next. Preparing them anew for every commit (H2 parses the SQL
 * and its query timeout again each time) cost about a sixth of the ledger's CPU. After a failure the
 * connection is given up and the next batch takes a fresh one. Not thread-safe: one writer thread only.
 */
final class UsageRecordWriter implements AutoCloseable {

    private static final String INSERT = "INSERT INTO usage_record (recorded_at, account, caller_kind, caller_name,"
            + " model, endpoint, input_tokens, output_tokens, estimated, cost_usd, ttft_millis, outcome, failure)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource pool;
    private final String database;
    private final BooleanSupplier closed;
    private Connection connection;
    private PreparedStatement insert;

    UsageRecordWriter(DataSource pool, String database, BooleanSupplier closed) {
        this.pool = pool;
        this.database = database;
        this.closed = closed;
    }

    /** Inserts the batch in one transaction, or throws having committed none of it. */
    void write(List<UsageRecord> batch) {
        String what = "record " + batch.size() + " usage records";
        if (closed.getAsBoolean()) {
            throw new CallerStoreException("cannot " + what + ": the caller database " + database + " is closed");
        }
        try {
            PreparedStatement statement = insert();
            for (UsageRecord record : batch) {
                bind(statement, record);
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            close();
            throw SqlFailures.translate(what, database, e);
        } catch (IllegalStateException e) {
            close(); // H2's pool says so when it was disposed meanwhile
            throw new CallerStoreException("cannot " + what + ": the caller database " + database + " is closed", e);
        }
    }

    private PreparedStatement insert() throws SQLException {
        if (insert == null) {
            connection = pool.getConnection();
            connection.setAutoCommit(false);
            insert = Transactions.prepare(connection, INSERT);
        }
        return insert;
    }

    private static void bind(PreparedStatement insert, UsageRecord record) throws SQLException {
        insert.setObject(1, timestamp(record.at()));
        insert.setString(2, record.account());
        insert.setString(3, record.callerKind().name());
        insert.setString(4, record.callerName());
        insert.setString(5, record.model());
        insert.setString(6, record.endpoint().orElse(null));
        insert.setLong(7, record.inputTokens());
        insert.setLong(8, record.outputTokens());
        insert.setBoolean(9, record.estimated());
        insert.setBigDecimal(10, record.costUsd().orElse(null));
        insert.setObject(11, record.timeToFirstToken().map(Duration::toMillis).orElse(null), Types.BIGINT);
        insert.setString(12, record.outcome().name());
        insert.setString(13, record.failure().map(Enum::name).orElse(null));
    }

    /** Rolls back whatever was not committed and gives the connection back; the next batch opens another. */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (Connection given = connection) {
            given.rollback();
        } catch (SQLException | IllegalStateException ignored) {
            // the connection is gone either way; a failed batch has already told its callers
        }
        connection = null;
        insert = null;
    }
}
