package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FleetStatisticsException;
import dev.sheepdog.domain.model.InstanceId;
import dev.sheepdog.domain.model.WindowCounts;
import dev.sheepdog.domain.port.out.FleetStatistics;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The fleet's {@link FleetStatistics}: a row per gateway instance and endpoint (migration V4), replaced
 * by each report and summed by the judge. Freshness is judged on the database's clock, the one clock
 * every gateway shares: a row older than {@code staleAfter} is from a gateway that stopped reporting.
 */
public final class PostgresFleetStatistics implements FleetStatistics {

    private static final String FORGET = "DELETE FROM canary_window WHERE instance = ?"
            + " OR reported_at < now() - make_interval(secs => ?)";
    private static final String INSERT = "INSERT INTO canary_window (instance, endpoint, counts, reported_at)"
            + " VALUES (?, ?, ?::jsonb, now())";
    private static final String SELECT = "SELECT endpoint, counts::text FROM canary_window"
            + " WHERE reported_at >= now() - make_interval(secs => ?)";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Transactions transactions;
    private final double staleSeconds;

    PostgresFleetStatistics(Transactions transactions, Duration staleAfter) {
        this.transactions = transactions.failingWith(FleetStatisticsException::new);
        this.staleSeconds = requireNonNull(staleAfter, "staleAfter").toMillis() / 1000.0;
    }

    /** One transaction: the instance's old rows and every stale one go, its new rows come. */
    @Override
    public void report(InstanceId instance, Map<EndpointId, WindowCounts> windows) {
        requireNonNull(instance, "instance");
        Map<EndpointId, String> documents = new HashMap<>();
        windows.forEach((endpoint, window) -> documents.put(endpoint, WindowCountsJson.write(window).toString()));
        transactions.inTransaction("report this gateway's canary windows", connection -> {
            try (PreparedStatement forget = transactions.prepare(connection, FORGET);
                 PreparedStatement insert = transactions.prepare(connection, INSERT)) {
                forget.setString(1, instance.value());
                forget.setDouble(2, staleSeconds);
                forget.executeUpdate();
                for (Map.Entry<EndpointId, String> document : documents.entrySet()) {
                    insert.setString(1, instance.value());
                    insert.setString(2, document.getKey().value());
                    insert.setString(3, document.getValue());
                    insert.addBatch();
                }
                return insert.executeBatch();
            }
        });
    }

    @Override
    public Map<EndpointId, WindowCounts> combined() {
        Map<String, WindowCounts> sum = transactions.single("read the fleet's canary windows", connection -> {
            Map<String, WindowCounts> rows = new HashMap<>();
            try (PreparedStatement select = transactions.prepare(connection, SELECT)) {
                select.setDouble(1, staleSeconds);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.merge(row.getString(1), read(row.getString(2)), WindowCounts::plus);
                    }
                }
            }
            return rows;
        });
        Map<EndpointId, WindowCounts> combined = new HashMap<>();
        sum.forEach((endpoint, window) -> combined.put(new EndpointId(endpoint), window));
        return Map.copyOf(combined);
    }

    private WindowCounts read(String document) {
        try {
            return WindowCountsJson.read(JSON.readTree(document));
        } catch (JacksonException | RuntimeException e) {
            throw new FleetStatisticsException("a canary window in " + transactions.target() + " is unreadable ("
                    + e.getMessage() + "); the next report of its gateway replaces it", e);
        }
    }
}
