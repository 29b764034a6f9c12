package dev.sheepdog.adapter.out.callerstore;

import static dev.sheepdog.adapter.out.callerstore.Transactions.prepare;
import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.rows.ClientKeyRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@link ClientStore} in the caller database: one row per key, one per model its plan allows. */
public final class H2ClientStore implements ClientStore {

    private final Transactions transactions;

    H2ClientStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void save(ClientKey key) {
        requireNonNull(key, "key");
        transactions.run("save client key " + key.id(), connection -> {
            try (PreparedStatement merge = prepare(connection, ClientKeyRows.MERGE)) {
                ClientKeyRows.ROW.bind(merge, key);
                merge.executeUpdate();
            }
            ClientKeyRow.replaceModels(connection, Transactions::prepare, key);
            return null;
        });
    }

    @Override
    public Optional<ClientKey> find(ClientId id) {
        requireNonNull(id, "id");
        return transactions.run("find client key " + id,
                connection -> select(connection, " WHERE k.id = ?", id.value()).stream().findFirst());
    }

    @Override
    public Optional<ClientKey> findBySecretHash(String secretHash) {
        requireNonNull(secretHash, "secretHash");
        return transactions.run("find a client key by its secret",
                connection -> select(connection, " WHERE k.secret_hash = ?", secretHash).stream().findFirst());
    }

    @Override
    public List<ClientKey> all() {
        return transactions.run("list client keys", connection -> select(connection, "", null));
    }

    /** The keys that {@code where} (with {@code parameter} as its one parameter, if any) selects, oldest first. */
    private static List<ClientKey> select(Connection connection, String where, String parameter) throws SQLException {
        Map<String, Set<String>> models = new HashMap<>();
        try (ResultSet rows = query(connection, "SELECT m.client_id, m.model FROM client_key_model m"
                + " JOIN client_key k ON k.id = m.client_id" + where, parameter)) {
            while (rows.next()) {
                models.computeIfAbsent(rows.getString(1), id -> new HashSet<>()).add(rows.getString(2));
            }
        }
        List<ClientKey> keys = new ArrayList<>();
        try (ResultSet rows = query(connection, "SELECT " + ClientKeyRows.COLUMNS + " FROM client_key k" + where
                + " ORDER BY k.created_at, k.id", parameter)) {
            while (rows.next()) {
                keys.add(ClientKeyRows.ROW.read(rows, models.getOrDefault(rows.getString("id"), Set.of())));
            }
        }
        return keys;
    }

    /** The rows of {@code sql}; closing them closes the statement too. */
    private static ResultSet query(Connection connection, String sql, String parameter) throws SQLException {
        PreparedStatement statement = prepare(connection, sql);
        statement.closeOnCompletion();
        if (parameter != null) {
            statement.setString(1, parameter);
        }
        return statement.executeQuery();
    }
}
