package dev.sheepdog.adapter.out.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ManualClock;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Bucket4jLimitCountersTest {

    private final ManualClock clock = new ManualClock();
    private final Bucket4jLimitCounters counters = new Bucket4jLimitCounters(clock);

    @Test
    void aHundredThousandOneOffAccountsAreForgottenOnceTheirBucketsAreFullAgain() {
        IntStream.range(0, 100_000).forEach(i -> counters.takeRequest("10.0." + i, 20));
        assertThat(counters.trackedAccounts()).isEqualTo(100_000);

        clock.advance(Duration.ofMinutes(2));
        counters.takeRequest("alice", 20);

        assertThat(counters.trackedAccounts()).isLessThanOrEqualTo(1);
        assertThat(counters.requestsLeft("10.0.7", 20)).isEqualTo(20);
    }

    @Test
    void anAccountInDebtOrWithAStreamOpenIsKeptBySweeps() {
        // 10,000 against 1,000 a minute: 9,000 in debt, 7,000 still after two minutes
        counters.countTokens("indebted", 1_000, 10_000);
        counters.takeRequest("streaming", 20);
        counters.openStream("streaming", 1);

        clock.advance(Duration.ofMinutes(2));
        counters.takeRequest("alice", 20);

        assertThat(counters.tokensLeft("indebted", 1_000)).isEqualTo(-7_000);
        assertThat(counters.openStreams("streaming")).isEqualTo(1);
        assertThat(counters.openStream("streaming", 1)).isFalse();
    }

    @Test
    void aClosedStreamLeavesNothingBehind() {
        counters.openStream("alice", 3);
        counters.closeStream("alice");

        assertThat(counters.trackedAccounts()).isZero();
    }

    @Test
    void theWaitIsTheTimeToTheNextRequestRoundedUpToAMillisecond() {
        IntStream.range(0, 20).forEach(i -> counters.takeRequest("alice", 20));
        assertThat(counters.takeRequest("alice", 20)).contains(Duration.ofSeconds(3));

        clock.advance(Duration.ofSeconds(3).minusNanos(1));
        assertThat(counters.takeRequest("alice", 20)).contains(Duration.ofMillis(1));
    }

    @Test
    void refusesAnAllowanceBelowOneAndNegativeTokens() {
        assertThatThrownBy(() -> counters.takeRequest("alice", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> counters.countTokens("alice", 1_000, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
