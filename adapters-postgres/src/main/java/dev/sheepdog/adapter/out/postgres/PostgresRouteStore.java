package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RouteStoreException;
import dev.sheepdog.domain.port.out.RouteStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/** The fleet's {@link RouteStore}: the rollout's state and its audit trail as one JSON document, replaced whole. */
public final class PostgresRouteStore implements RouteStore {

    private static final String SELECT = "SELECT document::text FROM route_state WHERE id = 1";
    // Conflicts with itself and with every write, not with reads: the writers' lock, one at a time.
    private static final String LOCK = "LOCK TABLE route_state IN SHARE ROW EXCLUSIVE MODE";
    private static final String UPSERT = "INSERT INTO route_state (id, document, saved_at) VALUES (1, ?::jsonb, now())"
            + " ON CONFLICT (id) DO UPDATE SET document = excluded.document, saved_at = excluded.saved_at";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Transactions transactions;

    PostgresRouteStore(Transactions transactions) {
        this.transactions = transactions.failingWith(RouteStoreException::new);
    }

    @Override
    public Optional<RouteState> load() {
        return transactions.single("load the route state", this::select).map(this::read);
    }

    @Override
    public void save(RouteState state) {
        requireNonNull(state, "state");
        String document = RouteJson.write(state).toString();
        transactions.single("save the route state", connection -> write(connection, document));
    }

    /**
     * One transaction holding the table's writers' lock from the read to the commit: every other update
     * and save, from any gateway, waits for it (readers do not). A lock on the table rather than on its
     * one row, because before the first save there is no row to lock.
     */
    @Override
    public RouteState update(Function<Optional<RouteState>, RouteState> change) {
        requireNonNull(change, "change");
        return transactions.inTransaction("update the route state", connection -> {
            try (PreparedStatement lock = transactions.prepare(connection, LOCK)) {
                lock.execute();
            }
            Optional<RouteState> before = select(connection).map(this::read);
            RouteState after = requireNonNull(change.apply(before), "changed state");
            if (!before.equals(Optional.of(after))) {
                write(connection, RouteJson.write(after).toString());
            }
            return after;
        });
    }

    private Optional<String> select(Connection connection) throws SQLException {
        try (PreparedStatement select = transactions.prepare(connection, SELECT);
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    private int write(Connection connection, String document) throws SQLException {
        try (PreparedStatement upsert = transactions.prepare(connection, UPSERT)) {
            upsert.setString(1, document);
            return upsert.executeUpdate();
        }
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
