package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.rows.ClientKeyRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@link ClientStore} of the fleet: one row per key, one per model its plan allows, seen by every instance at once. */
public final class PostgresClientStore implements ClientStore {

    private final Transactions transactions;

    PostgresClientStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void save(ClientKey key) {
        requireNonNull(key, "key");
        transactions.inTransaction("save client key " + key.id(), connection -> {
            try (PreparedStatement upsert = transactions.prepare(connection, ClientKeyRows.UPSERT)) {
                ClientKeyRows.ROW.bind(upsert, key);
                upsert.executeUpdate();
            }
            ClientKeyRow.replaceModels(connection, transactions::prepare, key);
            return null;
        });
    }

    @Override
    public Optional<ClientKey> find(ClientId id) {
        requireNonNull(id, "id");
        return transactions.single("find client key " + id,
                connection -> select(connection, " WHERE k.id = ?", id.value()).stream().findFirst());
    }

    @Override
    public Optional<ClientKey> findBySecretHash(String secretHash) {
        requireNonNull(secretHash, "secretHash");
        return transactions.single("find a client key by its secret",
                connection -> select(connection, " WHERE k.secret_hash = ?", secretHash).stream().findFirst());
    }

    @Override
    public List<ClientKey> all() {
        return transactions.single("list client keys", connection -> select(connection, "", null));
    }

    /** The keys that {@code where} selects, oldest first, each with its models: one statement, one snapshot. */
    private List<ClientKey> select(Connection connection, String where, String parameter) throws SQLException {
        try (PreparedStatement statement = transactions.prepare(connection, "SELECT " + ClientKeyRows.COLUMNS
                + ", array_remove(array_agg(m.model), NULL) AS models FROM client_key k"
                + " LEFT JOIN client_key_model m ON m.client_id = k.id" + where
                + " GROUP BY k.id ORDER BY k.created_at, k.created_at_nanos, k.id")) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<ClientKey> keys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Array models = rows.getArray("models");
                    keys.add(ClientKeyRows.ROW.read(rows, Set.of((String[]) models.getArray())));
                }
            }
            return keys;
        }
    }
}
