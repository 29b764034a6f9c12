package dev.sheepdog.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.port.out.FleetStatistics;
import dev.sheepdog.domain.port.out.FleetStatisticsContract;
import dev.sheepdog.testing.postgres.PostgresExtension;
import dev.sheepdog.testing.postgres.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fleet statistics contract on PostgreSQL, each instance with its own pool; and what a dead instance leaves. */
@ExtendWith(PostgresExtension.class)
class PostgresFleetStatisticsContractTest extends FleetStatisticsContract {

    private static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final TestDatabase database;
    private PostgresDatabase a;
    private PostgresDatabase b;

    PostgresFleetStatisticsContractTest(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void openTwoInstances() {
        a = Databases.open(database);
        b = Databases.open(database);
        Databases.execute(database, "TRUNCATE canary_window");
    }

    @AfterEach
    void closeThem() {
        a.close();
        b.close();
    }

    @Override
    protected FleetStatistics statistics() {
        return a.fleetStatistics(STALE_AFTER);
    }

    @Override
    protected FleetStatistics sameFleet() {
        return b.fleetStatistics(STALE_AFTER);
    }

    @Test
    void aReportOlderThanTheStalenessBoundIsLeftOutAndDeletedByTheNextReport() {
        statistics().report(A, Map.of(CANARY, window(40, 40, Duration.ZERO)));
        sameFleet().report(B, Map.of(CANARY, window(10, 0, Duration.ofMillis(300))));
        Databases.execute(database, "UPDATE canary_window SET reported_at = now() - interval '3 minutes'"
                + " WHERE instance = 'gw-a'");

        assertThat(statistics().combined()).as("A died three minutes ago")
                .isEqualTo(Map.of(CANARY, window(10, 0, Duration.ofMillis(300))));

        sameFleet().report(B, Map.of(CANARY, window(12, 0, Duration.ofMillis(300))));
        assertThat(rows()).isEqualTo(1);
    }

    private long rows() {
        try (var connection = Databases.connect(database);
             var count = connection.createStatement().executeQuery("SELECT count(*) FROM canary_window")) {
            count.next();
            return count.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
