package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.rows.ClientKeyRow;
import dev.sheepdog.rows.InstantColumns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code client_key} table in PostgreSQL: its columns, its upsert, and an instant in two columns ({@link Instants}). */
final class ClientKeyRows {

    static final String COLUMNS = "k.id, k.name, k.secret_hash, k.hint, k.plan_name, k.requests_per_minute,"
            + " k.tokens_per_minute, k.concurrent_streams, k.daily_usd, k.monthly_usd, k.expires_at,"
            + " k.expires_at_nanos, k.enabled, k.created_at, k.created_at_nanos, k.revoked_at, k.revoked_at_nanos";
    private static final String NAMES = COLUMNS.replace("k.", "");
    static final String UPSERT = "INSERT INTO client_key (" + NAMES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET (" + NAMES + ") = ROW("
            + NAMES.replaceAll("(\\w+)", "excluded.$1") + ")";

    static final ClientKeyRow ROW = new ClientKeyRow(new InstantColumns() {
        @Override
        public int bind(PreparedStatement statement, int index, Optional<Instant> instant) throws SQLException {
            Instants.bind(statement, index, instant);
            return index + 2;
        }

        @Override
        public Optional<Instant> read(ResultSet row, String column) throws SQLException {
            return Instants.read(row, column);
        }
    });

    private ClientKeyRows() {
    }
}
