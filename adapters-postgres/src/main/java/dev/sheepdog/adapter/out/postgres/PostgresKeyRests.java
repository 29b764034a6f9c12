package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyRest;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.port.out.KeyRests;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet's {@link KeyRests}: a row per key and model (migration V6) holding when its rest ends on the
 * database's clock, which every gateway shares; each gateway is told of a change by the table's trigger.
 */
public final class PostgresKeyRests implements KeyRests {

    private static final String FORGET_OLD = "DELETE FROM key_rest WHERE until < clock_timestamp() - interval '1 hour'";
    private static final String TELL = "INSERT INTO key_rest AS r (endpoint, fingerprint, model, until)"
            + " VALUES (?, ?, ?, clock_timestamp() + make_interval(secs => ?))"
            + " ON CONFLICT (endpoint, fingerprint, model) DO UPDATE SET until = excluded.until"
            + " WHERE r.until < excluded.until";
    private static final String CURRENT = "SELECT endpoint, fingerprint, model,"
            + " extract(epoch FROM until - clock_timestamp())::float8 FROM key_rest WHERE until > clock_timestamp()";

    private final Transactions transactions;

    PostgresKeyRests(Transactions transactions) {
        this.transactions = transactions.failingWith(KeyStoreException::new);
    }

    @Override
    public void tell(KeyRest rest) {
        requireNonNull(rest, "rest");
        transactions.inTransaction("tell the fleet that a key rests", connection -> {
            try (PreparedStatement forget = transactions.prepare(connection, FORGET_OLD);
                 PreparedStatement tell = transactions.prepare(connection, TELL)) {
                forget.executeUpdate();
                tell.setString(1, rest.endpoint().value());
                tell.setString(2, rest.fingerprint());
                tell.setString(3, rest.model());
                tell.setDouble(4, rest.remaining().toNanos() / 1e9);
                return tell.executeUpdate();
            }
        });
    }

    @Override
    public List<KeyRest> current() {
        return transactions.single("read the keys that rest", connection -> {
            List<KeyRest> rests = new ArrayList<>();
            try (PreparedStatement select = transactions.prepare(connection, CURRENT);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Duration remaining = Duration.ofNanos((long) (row.getDouble(4) * 1e9));
                    if (remaining.isPositive()) {
                        rests.add(new KeyRest(new EndpointId(row.getString(1)), row.getString(2), row.getString(3),
                                remaining));
                    }
                }
            }
            return rests;
        });
    }
}
