package dev.sheepdog.adapter.out.simulator;

import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ENDPOINT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.INSTANT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ask;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.nonStreaming;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedStreamTimingTest {

    private static final Duration FIRST_TOKEN = Duration.ofMillis(200);
    private static final Duration BETWEEN_TOKENS = Duration.ofMillis(20);
    private static final int TOKENS = 10;
    private static final SimulatorSettings PACED =
            INSTANT.withDelays(FIRST_TOKEN, BETWEEN_TOKENS).withTokensPerAnswer(TOKENS);

    @Test
    void sendsNothingBeforeTheTimeToFirstToken() throws InterruptedException {
        long opened = System.nanoTime();
        CompletionStream stream = provider(PACED).open(ENDPOINT, ApiKey.NONE, ask("Hi"));

        assertThat(stream.poll(Duration.ofMillis(20))).isEmpty();
        awaitEvent(stream);
        assertThat(System.nanoTime() - opened).isGreaterThanOrEqualTo(FIRST_TOKEN.toNanos());
    }

    @Test
    void spreadsTheTokensOverTime() throws InterruptedException {
        long opened = System.nanoTime();
        CompletionStream stream = provider(PACED).open(ENDPOINT, ApiKey.NONE, ask("Hi"));
        List<Long> arrivals = new ArrayList<>();

        for (int i = 0; i < TOKENS; i++) {
            assertThat(awaitEvent(stream)).isInstanceOf(Chunk.class);
            arrivals.add(System.nanoTime());
        }

        // Only lower bounds: a loaded machine may read tokens late (and then several at once), never early.
        for (int i = 0; i < TOKENS; i++) {
            assertThat(arrivals.get(i) - opened).as("token %d", i)
                    .isGreaterThanOrEqualTo(FIRST_TOKEN.plus(BETWEEN_TOKENS.multipliedBy(i)).toNanos());
        }
    }

    @Test
    void aWholeCompletionComesOnlyWhenItsLastTokenWouldHave() throws InterruptedException {
        long opened = System.nanoTime();
        CompletionStream stream = provider(PACED).open(ENDPOINT, ApiKey.NONE, nonStreaming(ask("Hi")));

        assertThat(awaitEvent(stream)).isInstanceOf(Chunk.class);
        assertThat(System.nanoTime() - opened)
                .isGreaterThanOrEqualTo(FIRST_TOKEN.plus(BETWEEN_TOKENS.multipliedBy(TOKENS - 1)).toNanos());
    }

    @Test
    void withoutDelaysTheWholeAnswerIsThereAtOnce() throws InterruptedException {
        CompletionStream stream = provider(INSTANT).open(ENDPOINT, ApiKey.NONE, ask("Hi"));
        Optional<CompletionEvent> event;

        do {
            event = stream.poll(Duration.ZERO);
            assertThat(event).isPresent();
        } while (!event.get().terminal());
    }

    private static CompletionEvent awaitEvent(CompletionStream stream) throws InterruptedException {
        Optional<CompletionEvent> event = Optional.empty();
        for (int tries = 0; event.isEmpty() && tries < 100; tries++) {
            event = stream.poll(Duration.ofMillis(100));
        }
        return event.orElseThrow();
    }
}
