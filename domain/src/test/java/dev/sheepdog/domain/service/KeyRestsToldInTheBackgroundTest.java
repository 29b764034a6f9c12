package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyRest;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.port.out.KeyRests;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The request whose 429 rested a key never waits for the fleet to hear of it. */
@Timeout(10)
class KeyRestsToldInTheBackgroundTest {

    private static final EndpointId ENDPOINT = new EndpointId("holysheep");

    private final ManualClock clock = new ManualClock();
    private final SlowFleet fleet = new SlowFleet();
    private final KeyRestsToldInTheBackground rests = new KeyRestsToldInTheBackground(fleet, clock);

    @Test
    void tellingReturnsWhileTheFleetIsStillBusyHearingIt() throws InterruptedException {
        rests.tell(rest("sk-one", "deepseek-v3.2", 30));

        assertThat(fleet.busy.await(5, TimeUnit.SECONDS)).as("the fleet is being told").isTrue();
        assertThat(fleet.heard).as("nothing heard yet: the fleet is slow").isEmpty();
        fleet.answer();
        assertThat(fleet.next()).isEqualTo(rest("sk-one", "deepseek-v3.2", 30));
    }

    @Test
    void aRestIsToldForWhatIsLeftOfItWhenItsTurnComes() throws InterruptedException {
        rests.tell(rest("sk-one", "deepseek-v3.2", 30));
        fleet.busy.await(5, TimeUnit.SECONDS);
        rests.tell(rest("sk-two", "deepseek-v3.2", 30));

        clock.advance(Duration.ofSeconds(10));
        fleet.answer();

        assertThat(fleet.next().remaining()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fleet.next().remaining()).as("waited 10 s").isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aNewerRestOfTheSameKeyAndModelReplacesTheOneWaiting() throws InterruptedException {
        rests.tell(rest("sk-one", "deepseek-v3.2", 30));
        fleet.busy.await(5, TimeUnit.SECONDS);
        rests.tell(rest("sk-two", "deepseek-v3.2", 10));
        rests.tell(rest("sk-two", "gpt-4.1", 10));
        rests.tell(rest("sk-two", "deepseek-v3.2", 60));
        assertThat(rests.waiting()).isEqualTo(2);

        fleet.answer();

        assertThat(List.of(fleet.next(), fleet.next(), fleet.next())).containsExactly(
                rest("sk-one", "deepseek-v3.2", 30), rest("sk-two", "deepseek-v3.2", 60), rest("sk-two", "gpt-4.1", 10));
        assertThat(fleet.heard.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aRestThatEndedWhileItWaitedIsNotTold() throws InterruptedException {
        rests.tell(rest("sk-one", "deepseek-v3.2", 30));
        fleet.busy.await(5, TimeUnit.SECONDS);
        rests.tell(rest("sk-two", "deepseek-v3.2", 5));
        rests.tell(rest("sk-three", "deepseek-v3.2", 60));

        clock.advance(Duration.ofSeconds(5));
        fleet.answer();

        assertThat(fleet.next().fingerprint()).isEqualTo(rest("sk-one", "m", 1).fingerprint());
        assertThat(fleet.next().fingerprint()).as("sk-two's rest was over").isEqualTo(rest("sk-three", "m", 1).fingerprint());
    }

    @Test
    void aFleetThatCannotTakeARestDoesNotStopTheNextFromBeingTold() throws InterruptedException {
        fleet.answer();
        fleet.failNext = true;
        rests.tell(rest("sk-one", "deepseek-v3.2", 30));
        assertThat(fleet.failed.await(5, TimeUnit.SECONDS)).isTrue();

        rests.tell(rest("sk-two", "deepseek-v3.2", 30));

        assertThat(fleet.next().fingerprint()).isEqualTo(rest("sk-two", "m", 1).fingerprint());
    }

    private static KeyRest rest(String key, String model, int seconds) {
        return new KeyRest(ENDPOINT, ApiKey.of(key).fingerprint(), model,
                Duration.ofSeconds(seconds));
    }

    /** A fleet whose database answers only once the test lets it. */
    private static final class SlowFleet implements KeyRests {

        final CountDownLatch busy = new CountDownLatch(1);
        final CountDownLatch failed = new CountDownLatch(1);
        final BlockingQueue<KeyRest> heard = new LinkedBlockingQueue<>();
        private final CountDownLatch answering = new CountDownLatch(1);
        volatile boolean failNext;

        void answer() {
            answering.countDown();
        }

        KeyRest next() throws InterruptedException {
            KeyRest rest = heard.poll(5, TimeUnit.SECONDS);
            assertThat(rest).as("a rest told").isNotNull();
            return rest;
        }

        @Override
        public void tell(KeyRest rest) {
            busy.countDown();
            try {
                answering.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (failNext) {
                failNext = false;
                failed.countDown();
                throw new IllegalStateException("the database is away");
            }
            heard.add(rest);
        }

        @Override
        public List<KeyRest> current() {
            return List.copyOf(heard);
        }
    }
}
