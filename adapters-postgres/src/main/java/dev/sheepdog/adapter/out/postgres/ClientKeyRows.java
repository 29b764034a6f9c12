package dev.sheepdog.adapter.out.postgres;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** How a {@link ClientKey} maps to a row of {@code client_key}, and back. */
final class ClientKeyRows {

    static final String COLUMNS = "k.id, k.name, k.secret_hash, k.hint, k.plan_name, k.requests_per_minute,"
            + " k.tokens_per_minute, k.concurrent_streams, k.daily_usd, k.monthly_usd, k.expires_at,"
            + " k.expires_at_nanos, k.enabled, k.created_at, k.created_at_nanos, k.revoked_at, k.revoked_at_nanos";
    private static final String NAMES = COLUMNS.replace("k.", "");
    static final String UPSERT = "INSERT INTO client_key (" + NAMES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET (" + NAMES + ") = ROW("
            + NAMES.replaceAll("(\\w+)", "excluded.$1") + ")";

    private ClientKeyRows() {
    }

    static void bind(PreparedStatement statement, ClientKey key) throws SQLException {
        Limits limits = key.plan().limits();
        statement.setString(1, key.id().value());
        statement.setString(2, key.name());
        statement.setString(3, key.secretHash());
        statement.setString(4, key.hint());
        statement.setString(5, key.plan().name());
        statement.setObject(6, limits.requestsPerMinute().isPresent() ? limits.requestsPerMinute().getAsInt() : null,
                Types.INTEGER);
        statement.setObject(7, limits.tokensPerMinute().isPresent() ? limits.tokensPerMinute().getAsLong() : null,
                Types.BIGINT);
        statement.setObject(8, limits.concurrentStreams().isPresent() ? limits.concurrentStreams().getAsInt() : null,
                Types.INTEGER);
        // BigDecimal.toString, unlike toPlainString, gives back the same scale when parsed: 1E+3 stays 1E+3
        statement.setString(9, limits.dailyUsd().map(BigDecimal::toString).orElse(null));
        statement.setString(10, limits.monthlyUsd().map(BigDecimal::toString).orElse(null));
        Instants.bind(statement, 11, key.expiresAt());
        statement.setBoolean(13, key.enabled());
        Instants.bind(statement, 14, key.createdAt());
        Instants.bind(statement, 16, key.revokedAt());
    }

    static ClientKey read(ResultSet row, Set<String> models) throws SQLException {
        String id = row.getString("id");
        try {
            Limits limits = new Limits(optionalInt(row, "requests_per_minute"), optionalLong(row, "tokens_per_minute"),
                    optionalInt(row, "concurrent_streams"), decimal(row, "daily_usd"), decimal(row, "monthly_usd"));
            Plan plan = new Plan(row.getString("plan_name"), limits, models);
            return new ClientKey(new ClientId(id), row.getString("name"), row.getString("secret_hash"),
                    row.getString("hint"), plan, Instants.read(row, "expires_at"), row.getBoolean("enabled"),
                    Instants.read(row, "created_at").orElseThrow(), Instants.read(row, "revoked_at"));
        } catch (IllegalArgumentException e) {
            throw new CallerStoreException("the client key " + id + " in the database is not valid: "
                    + e.getMessage(), e);
        }
    }

    private static OptionalInt optionalInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static OptionalLong optionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static Optional<BigDecimal> decimal(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column)).map(BigDecimal::new);
    }
}
