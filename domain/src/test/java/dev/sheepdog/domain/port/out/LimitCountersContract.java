package dev.sheepdog.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LimitCounters} promises; each implementation runs it on fresh counters that read a
 * manual clock, the concurrent cases included (from {@link LimitCountersRaceContract}).
 */
public abstract class LimitCountersContract extends LimitCountersRaceContract {

    @Test
    void anAccountNeverSeenHasItsWholeAllowance() {
        assertThat(counters.requestsLeft("alice", 20)).isEqualTo(20);
        assertThat(counters.tokensLeft("alice", 1_000)).isEqualTo(1_000);
        assertThat(counters.checkTokens("alice", 1_000)).isEmpty();
        assertThat(counters.openStreams("alice")).isZero();
    }

    @Test
    void takesExactlyPerMinuteRequestsThenRefusesWithAPositiveWaitAndTakesNothing() {
        assertThat(IntStream.range(0, 20).mapToObj(i -> counters.takeRequest("alice", 20))).allMatch(Optional::isEmpty);

        Optional<Duration> refused = counters.takeRequest("alice", 20);

        // 20 a minute come back one every 3 seconds
        assertThat(refused).hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3)));
        assertThat(counters.requestsLeft("alice", 20)).isZero();
    }

    @Test
    void requestsComeBackAsTimePasses() {
        IntStream.range(0, 20).forEach(i -> counters.takeRequest("alice", 20));
        Duration wait = counters.takeRequest("alice", 20).orElseThrow();

        clock.advance(wait);
        assertThat(counters.takeRequest("alice", 20)).isEmpty();
        assertThat(counters.takeRequest("alice", 20)).isPresent();

        clock.advance(Duration.ofMinutes(1));
        assertThat(counters.requestsLeft("alice", 20)).isEqualTo(20);
    }

    @Test
    void tokensCountedPastTheAllowanceAreADebtRepaidOverTime() {
        counters.countTokens("alice", 1_000, 1_500);

        assertThat(counters.tokensLeft("alice", 1_000)).isEqualTo(-500);
        Duration wait = counters.checkTokens("alice", 1_000).orElseThrow();
        // 501 tokens at 1,000 a minute: a little over 30 seconds
        assertThat(wait).isGreaterThan(Duration.ofSeconds(30)).isLessThanOrEqualTo(Duration.ofSeconds(31));
        assertThat(counters.tokensLeft("alice", 1_000)).as("checking takes nothing").isEqualTo(-500);

        clock.advance(wait.minusMillis(100));
        assertThat(counters.checkTokens("alice", 1_000)).isPresent();
        clock.advance(Duration.ofMillis(100));
        assertThat(counters.checkTokens("alice", 1_000)).isEmpty();
    }

    @Test
    void tokensWithinTheAllowanceLeaveTheRestAvailable() {
        counters.countTokens("alice", 1_000, 999);

        assertThat(counters.checkTokens("alice", 1_000)).isEmpty();
        assertThat(counters.tokensLeft("alice", 1_000)).isEqualTo(1);
    }

    @Test
    void opensAtMostMaxStreamsAndAClosedOneCanBeOpenedAgain() {
        assertThat(IntStream.range(0, 5).mapToObj(i -> counters.openStream("alice", 5))).containsOnly(true);
        assertThat(counters.openStream("alice", 5)).isFalse();
        assertThat(counters.openStreams("alice")).isEqualTo(5);

        counters.closeStream("alice");

        assertThat(counters.openStreams("alice")).isEqualTo(4);
        assertThat(counters.openStream("alice", 5)).isTrue();
        assertThat(counters.openStream("alice", 5)).isFalse();
    }

    @Test
    void closingMoreStreamsThanWereOpenedNeverGoesBelowZero() {
        counters.openStream("alice", 2);
        counters.closeStream("alice");
        counters.closeStream("alice");
        counters.closeStream("bob");

        assertThat(counters.openStreams("alice")).isZero();
        assertThat(counters.openStreams("bob")).isZero();
        assertThat(counters.openStream("alice", 2)).isTrue();
        assertThat(counters.openStream("alice", 2)).isTrue();
        assertThat(counters.openStream("alice", 2)).isFalse();
    }

    @Test
    void oneAccountsUseLeavesAnotherUntouched() {
        IntStream.range(0, 20).forEach(i -> counters.takeRequest("alice", 20));
        counters.countTokens("alice", 1_000, 5_000);
        counters.openStream("alice", 1);

        assertThat(counters.takeRequest("bob", 20)).isEmpty();
        assertThat(counters.checkTokens("bob", 1_000)).isEmpty();
        assertThat(counters.openStream("bob", 1)).isTrue();
        assertThat(counters.requestsLeft("bob", 20)).isEqualTo(19);
    }

    @Test
    void aRaisedLimitGrantsTheDifferenceAtOnceAndRefillsAtTheNewRate() {
        IntStream.range(0, 2).forEach(i -> counters.takeRequest("alice", 2));
        assertThat(counters.takeRequest("alice", 2)).isPresent();

        assertThat(counters.requestsLeft("alice", 60)).isEqualTo(58);
        IntStream.range(0, 58).forEach(i -> assertThat(counters.takeRequest("alice", 60)).isEmpty());
        assertThat(counters.takeRequest("alice", 60)).hasValueSatisfying(
                wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void aLoweredLimitDoesNotGiveBackWhatWasSpent() {
        IntStream.range(0, 18).forEach(i -> counters.takeRequest("alice", 20));
        counters.countTokens("alice", 1_000, 1_200);

        assertThat(counters.requestsLeft("alice", 5)).isEqualTo(2);
        assertThat(counters.takeRequest("alice", 5)).isEmpty();
        assertThat(counters.takeRequest("alice", 5)).isEmpty();
        assertThat(counters.takeRequest("alice", 5)).isPresent();
        assertThat(counters.tokensLeft("alice", 500)).isEqualTo(-200);
    }
}
