package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StickyPointTest {

    private static final EndpointId CANARY = new EndpointId("canary");

    @Test
    void putsTheSameCallerAtTheSamePointEveryTime() {
        CallerId caller = new CallerId("writer-42");

        assertThat(StickyPoint.of(caller, CANARY)).isEqualTo(StickyPoint.of(new CallerId("writer-42"), CANARY));
    }

    @Test
    void spreadsCallersEvenlyOverZeroToOne() {
        double[] points = IntStream.range(0, 10_000).mapToDouble(i -> StickyPoint.of(new CallerId("u" + i), CANARY))
                .toArray();

        assertThat(Arrays.stream(points).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(points).max().orElseThrow()).isLessThan(1);
        for (int decile = 0; decile < 10; decile++) {
            double from = decile / 10.0;
            long inside = Arrays.stream(points).filter(point -> point >= from && point < from + 0.1).count();
            assertThat(inside).as("callers in [%s, %s)", from, from + 0.1).isBetween(900L, 1_100L);
        }
    }

    @Test
    void eachCanaryPlacesCallersAfresh() {
        EndpointId other = new EndpointId("canary-2");

        long moved = IntStream.range(0, 1_000).mapToObj(i -> new CallerId("u" + i))
                .filter(caller -> Math.abs(StickyPoint.of(caller, CANARY) - StickyPoint.of(caller, other)) > 1e-3)
                .count();

        assertThat(moved).isGreaterThan(990);
    }

    @Test
    void anEmptyCallerStillHasAPoint() {
        assertThat(StickyPoint.of(new CallerId(""), CANARY)).isGreaterThanOrEqualTo(0).isLessThan(1);
    }
}
