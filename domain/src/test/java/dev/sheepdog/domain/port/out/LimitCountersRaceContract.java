package dev.sheepdog.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ManualClock;
import java.time.Clock;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LimitCounters} promises under concurrent callers; {@link LimitCountersContract} adds the rest. */
public abstract class LimitCountersRaceContract {

    protected final ManualClock clock = new ManualClock();
    protected LimitCounters counters;

    /** Fresh counters that know no account and read the time from {@code clock}. */
    protected abstract LimitCounters createCounters(Clock clock);

    /**
     * How many accounts the racing test walks. A check-then-take race in memory is a window of
     * nanoseconds that thousands of collisions find; a backend with round-trips may race wider and use fewer.
     */
    protected int racingAccounts() {
        return 4_000;
    }

    @BeforeEach
    void createTheCounters() {
        counters = createCounters(clock);
    }

    @Test
    void aHundredRequestsAtOnceAgainstTwentyAMinuteLetExactlyTwentyThrough() throws Exception {
        int passed = Together.successes(100, () -> counters.takeRequest("alice", 20).isEmpty());

        assertThat(passed).isEqualTo(20);
        assertThat(counters.requestsLeft("alice", 20)).isZero();
    }

    @Test
    void aHundredStreamsAtOnceAgainstFiveOpenExactlyFiveAndAllCloseAgain() throws Exception {
        int opened = Together.successes(100, () -> counters.openStream("alice", 5));

        assertThat(opened).isEqualTo(5);
        assertThat(counters.openStreams("alice")).isEqualTo(5);
        Together.successes(5, () -> {
            counters.closeStream("alice");
            return true;
        });
        assertThat(counters.openStreams("alice")).isZero();
    }

    @Test
    void tokensCountedAtOnceAreAllCounted() throws Exception {
        Together.successes(100, () -> {
            counters.countTokens("alice", 1_000, 30);
            return true;
        });

        assertThat(counters.tokensLeft("alice", 1_000)).isEqualTo(-2_000);
    }

    @Test
    void threadsRacingThroughTheSameAccountsNeverLetOneTooMany() throws Exception {
        // Each thread walks the same accounts in the same order, so they collide on each one.
        int accounts = racingAccounts();
        int requests = Together.sum(8, () -> IntStream.range(0, accounts)
                .map(account -> (int) IntStream.range(0, 25).filter(i -> counters.takeRequest("r" + account, 20).isEmpty()).count())
                .sum());
        int streams = Together.sum(8, () -> IntStream.range(0, accounts)
                .map(account -> counters.openStream("s" + account, 5) ? 1 : 0)
                .sum());

        assertThat(new int[] {requests, streams}).as("requests and streams taken")
                .containsExactly(20 * accounts, 5 * accounts);
    }
}
