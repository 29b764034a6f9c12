package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RouteStoreException;
import dev.sheepdog.domain.port.out.RouteStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** The fleet's {@link RouteStore}: the rollout's state and its audit trail as one JSON document, replaced whole. */
public final class PostgresRouteStore implements RouteStore {

    private static final String SELECT = "SELECT document::text FROM route_state WHERE id = 1";
    private static final String UPSERT = "INSERT INTO route_state (id, document, saved_at) VALUES (1, ?::jsonb, now())"
            + " ON CONFLICT (id) DO UPDATE SET document = excluded.document, saved_at = excluded.saved_at";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Transactions transactions;

    PostgresRouteStore(Transactions transactions) {
        this.transactions = transactions.failingWith(RouteStoreException::new);
    }

    @Override
    public Optional<RouteState> load() {
        Optional<String> document = transactions.single("load the route state", connection -> {
            try (PreparedStatement select = transactions.prepare(connection, SELECT);
                 ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
            }
        });
        return document.map(this::read);
    }

    @Override
    public void save(RouteState state) {
        requireNonNull(state, "state");
        String document = RouteJson.write(state).toString();
        transactions.single("save the route state", connection -> {
            try (PreparedStatement upsert = transactions.prepare(connection, UPSERT)) {
                upsert.setString(1, document);
                return upsert.executeUpdate();
            }
        });
    }

    private RouteState read(String document) {
        try {
            return RouteJson.read(JSON.readTree(document));
        } catch (JacksonException | RuntimeException e) {
            throw new RouteStoreException("the route state in " + transactions.target() + " is unreadable ("
                    + e.getMessage() + "). Sheepdog will not route on a state it cannot read: restore the"
                    + " route_state table from a backup, or delete its row to start over", e);
        }
    }
}
