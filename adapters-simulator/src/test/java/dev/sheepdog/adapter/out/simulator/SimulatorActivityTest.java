package dev.sheepdog.adapter.out.simulator;

import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ENDPOINT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.INSTANT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ask;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.drain;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.FailureKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorActivityTest {

    private final SimulatedCompletionProvider simulator = provider(INSTANT);

    @Test
    void closingBeforeTheEndCancelsTheStream() throws InterruptedException {
        CompletionStream stream = simulator.open(ENDPOINT, ApiKey.NONE, ask("Hi"));
        stream.poll(Duration.ZERO);

        stream.close();
        stream.close();

        assertThat(stream.poll(Duration.ZERO)).get().isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure().kind()).isEqualTo(FailureKind.CANCELLED));
        assertThat(simulator.activity().cancelledStreams()).isEqualTo(1);
        assertThat(simulator.activity().completedStreams()).isZero();
    }

    @Test
    void closingWhileWaitingForTheFirstTokenEndsTheWaitAtOnce() throws InterruptedException {
        SimulatedCompletionProvider slow = provider(INSTANT.withDelays(Duration.ofMinutes(10), Duration.ZERO));
        CompletionStream stream = slow.open(ENDPOINT, ApiKey.NONE, ask("Hi"));
        assertThat(stream.poll(Duration.ofMillis(10))).isEmpty();

        stream.close();

        assertThat(stream.poll(Duration.ZERO)).get().isInstanceOf(Failed.class);
        assertThat(slow.activity().cancelledStreams()).isEqualTo(1);
    }

    @Test
    void closingAfterTheEndIsNotACancellation() throws InterruptedException {
        CompletionStream stream = simulator.open(ENDPOINT, ApiKey.NONE, ask("Hi"));
        drain(stream);

        stream.close();

        assertThat(simulator.activity().completedStreams()).isEqualTo(1);
        assertThat(simulator.activity().cancelledStreams()).isZero();
    }

    @Test
    void countsTheStreamsItOpened() {
        simulator.open(ENDPOINT, ApiKey.NONE, ask("one"));
        simulator.open(ENDPOINT, ApiKey.NONE, ask("two"));

        assertThat(simulator.activity().openedStreams()).isEqualTo(2);
        assertThat(simulator.activity().completedStreams()).isZero();
    }
}
