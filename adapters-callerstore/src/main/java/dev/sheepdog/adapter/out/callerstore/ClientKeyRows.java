package dev.sheepdog.adapter.out.callerstore;

import static dev.sheepdog.adapter.out.callerstore.Transactions.timestamp;

import dev.sheepdog.rows.ClientKeyRow;
import dev.sheepdog.rows.InstantColumns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The {@code client_key} table in H2: its columns, its upsert, and an instant in one column to the nanosecond. */
final class ClientKeyRows {

    static final String COLUMNS = "k.id, k.name, k.secret_hash, k.hint, k.plan_name, k.requests_per_minute,"
            + " k.tokens_per_minute, k.concurrent_streams, k.daily_usd, k.monthly_usd, k.expires_at, k.enabled,"
            + " k.created_at, k.revoked_at";
    static final String MERGE = "MERGE INTO client_key (" + COLUMNS.replace("k.", "") + ") KEY (id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final ClientKeyRow ROW = new ClientKeyRow(new InstantColumns() {
        @Override
        public int bind(PreparedStatement statement, int index, Optional<Instant> instant) throws SQLException {
            statement.setObject(index, timestamp(instant));
            return index + 1;
        }

        @Override
        public Optional<Instant> read(ResultSet row, String column) throws SQLException {
            return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
        }
    });

    private ClientKeyRows() {
    }
}
