package dev.sheepdog.rows;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * How a {@link ClientKey} maps to a row of {@code client_key} (its columns in the order of {@link #bind}:
 * id, name, secret_hash, hint, plan_name, requests_per_minute, tokens_per_minute, concurrent_streams,
 * daily_usd, monthly_usd, expires_at, enabled, created_at, revoked_at, each instant in as many columns as
 * the database needs) and its models to rows of {@code client_key_model}; and back.
 */
public final class ClientKeyRow {

    /** Prepares a statement as the adapter does, with its deadline. */
    @FunctionalInterface
    public interface Statements {
        PreparedStatement prepare(Connection connection, String sql) throws SQLException;
    }

    private final InstantColumns instants;

    public ClientKeyRow(InstantColumns instants) {
        this.instants = instants;
    }

    /** Binds the key's columns from parameter 1 on. */
    public void bind(PreparedStatement statement, ClientKey key) throws SQLException {
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
        int next = instants.bind(statement, 11, key.expiresAt());
        statement.setBoolean(next, key.enabled());
        next = instants.bind(statement, next + 1, Optional.of(key.createdAt()));
        instants.bind(statement, next, key.revokedAt());
    }

    /** The key in the row, with its models; a row that makes no valid key is the store's failure. */
    public ClientKey read(ResultSet row, Set<String> models) throws SQLException {
        String id = row.getString("id");
        try {
            Limits limits = new Limits(optionalInt(row, "requests_per_minute"), optionalLong(row, "tokens_per_minute"),
                    optionalInt(row, "concurrent_streams"), decimal(row, "daily_usd"), decimal(row, "monthly_usd"));
            Plan plan = new Plan(row.getString("plan_name"), limits, models);
            return new ClientKey(new ClientId(id), row.getString("name"), row.getString("secret_hash"),
                    row.getString("hint"), plan, instants.read(row, "expires_at"), row.getBoolean("enabled"),
                    instants.read(row, "created_at").orElseThrow(), instants.read(row, "revoked_at"));
        } catch (IllegalArgumentException e) {
            throw new CallerStoreException("the client key " + id + " in the database is not valid: "
                    + e.getMessage(), e);
        }
    }

    /** Makes the key's models what {@code client_key_model} holds for it, in the caller's transaction. */
    public static void replaceModels(Connection connection, Statements statements, ClientKey key) throws SQLException {
        try (PreparedStatement delete = statements.prepare(connection,
                "DELETE FROM client_key_model WHERE client_id = ?")) {
            delete.setString(1, key.id().value());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = statements.prepare(connection,
                "INSERT INTO client_key_model (client_id, model) VALUES (?, ?)")) {
            for (String model : key.plan().models()) {
                insert.setString(1, key.id().value());
                insert.setString(2, model);
                insert.addBatch();
            }
            insert.executeBatch();
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
