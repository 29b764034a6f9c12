package dev.sheepdog.domain.service.caller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.port.out.InMemoryLimitCounters;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.testing.CapturedLog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Through an outage of the shared counters each gateway enforces its share of every limit on its own. */
class FallbackLimitCountersTest {

    private static final String ACCOUNT = "client:cl_000000000001";

    private final ManualClock clock = new ManualClock();
    private final Switchable shared = new Switchable(new InMemoryLimitCounters(clock));
    private final InMemoryLimitCounters own = new InMemoryLimitCounters(clock);
    private final FallbackLimitCounters counters = new FallbackLimitCounters(shared, own, () -> 3);

    @Test
    void whileTheSharedCountersAnswerTheyDecideAlone() {
        for (int i = 0; i < 30; i++) {
            assertThat(counters.takeRequest(ACCOUNT, 30)).isEmpty();
        }

        assertThat(counters.takeRequest(ACCOUNT, 30)).isPresent();
        assertThat(own.requestsLeft(ACCOUNT, 30)).isEqualTo(30);
        assertThat(counters.degradedDecisions()).isZero();
    }

    @Test
    void theOutageIsLoggedOnceWithTheFleetSizeItDividesBy() {
        List<String> lines;
        try (CapturedLog log = CapturedLog.of("sheepdog.limits")) {
            shared.down = true;
            counters.takeRequest(ACCOUNT, 30);
            counters.takeRequest(ACCOUNT, 30);
            lines = log.lines();
        }

        assertThat(lines).singleElement().asString().startsWith("LIMITS DEGRADED")
                .contains("divided by the fleet's 3 gateways");
    }

    @Test
    void duringAnOutageEachGatewayTakesItsShareOfTheRequestsPerMinuteAndCountsSo() {
        shared.down = true;

        int admitted = 0;
        while (counters.takeRequest(ACCOUNT, 30).isEmpty()) {
            admitted++;
        }

        assertThat(admitted).as("30 a minute over 3 gateways").isEqualTo(10);
        assertThat(counters.degradedDecisions()).isEqualTo(11);
    }

    @Test
    void aStreamOpenedDuringTheOutageIsClosedOnTheGatewaysOwnCountersAfterIt() {
        shared.down = true;
        assertThat(counters.openStream(ACCOUNT, 6)).isTrue();
        assertThat(counters.openStream(ACCOUNT, 6)).isTrue();
        assertThat(counters.openStream(ACCOUNT, 6)).as("6 streams over 3 gateways").isFalse();

        shared.down = false;
        counters.closeStream(ACCOUNT);

        assertThat(own.openStreams(ACCOUNT)).isEqualTo(1);
        assertThat(shared.openStreams(ACCOUNT)).isZero();
    }

    @Test
    void whenTheSharedCountersAnswerAgainTheyDecideAgain() {
        shared.down = true;
        counters.takeRequest(ACCOUNT, 30);
        shared.down = false;

        assertThat(counters.takeRequest(ACCOUNT, 30)).isEmpty();

        assertThat(shared.requestsLeft(ACCOUNT, 30)).isEqualTo(29);
    }

    /** Shared counters whose database can go away. */
    private static final class Switchable implements LimitCounters {
        private final LimitCounters counters;
        private volatile boolean down;

        Switchable(LimitCounters counters) {
            this.counters = counters;
        }

        private void reachable() {
            if (down) {
                throw new CallerStoreException("cannot count: the database is unreachable");
            }
        }

        @Override
        public Optional<Duration> takeRequest(String account, int perMinute) {
            reachable();
            return counters.takeRequest(account, perMinute);
        }

        @Override
        public Optional<Duration> checkTokens(String account, long perMinute) {
            reachable();
            return counters.checkTokens(account, perMinute);
        }

        @Override
        public void countTokens(String account, long perMinute, long tokens) {
            reachable();
            counters.countTokens(account, perMinute, tokens);
        }

        @Override
        public boolean openStream(String account, int max) {
            reachable();
            return counters.openStream(account, max);
        }

        @Override
        public void closeStream(String account) {
            reachable();
            counters.closeStream(account);
        }

        @Override
        public int openStreams(String account) {
            reachable();
            return counters.openStreams(account);
        }

        @Override
        public long requestsLeft(String account, int perMinute) {
            reachable();
            return counters.requestsLeft(account, perMinute);
        }

        @Override
        public long tokensLeft(String account, long perMinute) {
            reachable();
            return counters.tokensLeft(account, perMinute);
        }
    }
}
