package dev.sheepdog.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.InstanceId;
import dev.sheepdog.domain.model.TtftHistogram;
import dev.sheepdog.domain.model.WindowCounts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link FleetStatistics} promises: each instance's latest report counts once, all of them added up. */
public abstract class FleetStatisticsContract {

    public static final InstanceId A = new InstanceId("gw-a");
    public static final InstanceId B = new InstanceId("gw-b");
    public static final EndpointId PRIMARY = new EndpointId("primary");
    public static final EndpointId CANARY = new EndpointId("canary");

    /** A fresh, empty fleet's statistics, as one instance sees them. */
    protected abstract FleetStatistics statistics();

    /** The same fleet's statistics as a second instance sees them (the same object where there is only one). */
    protected abstract FleetStatistics sameFleet();

    /** {@code requests} requests, {@code errors} failed, the rest answered after {@code ttft}. */
    public static WindowCounts window(long requests, long errors, Duration ttft) {
        Map<FailureKind, Long> failed = errors == 0 ? Map.of() : Map.of(FailureKind.UPSTREAM_UNAVAILABLE, errors);
        TtftHistogram answered = requests == errors ? TtftHistogram.EMPTY
                : new TtftHistogram(Map.of(TtftHistogram.bucketOf(ttft.toNanos()), requests - errors));
        return new WindowCounts(requests, failed, answered, 20 * (requests - errors), ttft.toNanos());
    }

    @Test
    void nothingReportedIsNothingCombined() {
        assertThat(statistics().combined()).isEmpty();
    }

    @Test
    void twoInstancesReportsOfAnEndpointAddUp() {
        FleetStatistics a = statistics();
        a.report(A, Map.of(PRIMARY, window(50, 0, Duration.ofMillis(400)), CANARY, window(10, 1, Duration.ofMillis(500))));
        sameFleet().report(B, Map.of(CANARY, window(30, 9, Duration.ofMillis(900))));

        Map<EndpointId, WindowCounts> combined = a.combined();

        assertThat(combined).containsOnlyKeys(PRIMARY, CANARY);
        assertThat(combined.get(PRIMARY)).isEqualTo(window(50, 0, Duration.ofMillis(400)));
        assertThat(combined.get(CANARY)).isEqualTo(
                window(10, 1, Duration.ofMillis(500)).plus(window(30, 9, Duration.ofMillis(900))));
        assertThat(combined.get(CANARY).summary().errorRate()).isEqualTo(0.25);
        assertThat(sameFleet().combined()).isEqualTo(combined);
    }

    @Test
    void anInstancesNewReportReplacesItsLastOneEndpointsItNoLongerReportsIncluded() {
        FleetStatistics a = statistics();
        a.report(A, Map.of(PRIMARY, window(50, 0, Duration.ofMillis(400)), CANARY, window(10, 0, Duration.ofMillis(400))));

        a.report(A, Map.of(PRIMARY, window(70, 2, Duration.ofMillis(300))));

        assertThat(a.combined()).isEqualTo(Map.of(PRIMARY, window(70, 2, Duration.ofMillis(300))));
    }
}
