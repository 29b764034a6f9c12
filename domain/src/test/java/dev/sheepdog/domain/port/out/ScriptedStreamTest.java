package dev.sheepdog.domain.port.out;

import static dev.sheepdog.domain.port.out.ScriptedEvents.chunk;
import static dev.sheepdog.domain.port.out.ScriptedEvents.end;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.FailureKind;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScriptedStreamTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    @Test
    void handsOutTheScriptedEventsInOrderThenRepeatsTheTerminalOne() throws InterruptedException {
        ScriptedStream stream = ScriptedStream.of(chunk("a"), chunk("b"), end());

        assertThat(stream.poll(Duration.ZERO)).contains(chunk("a"));
        assertThat(stream.poll(Duration.ZERO)).contains(chunk("b"));
        assertThat(stream.poll(Duration.ZERO)).contains(end());
        assertThat(stream.poll(Duration.ZERO)).contains(end());
        assertThat(stream.handedOut()).containsExactly(chunk("a"), chunk("b"), end());
    }

    @Test
    void holdsAnEventBackUntilItsPauseHasPassed() throws InterruptedException {
        Duration pause = Duration.ofMillis(200);
        ScriptedStream stream = ScriptedStream.of(chunk("a")).thenAfter(pause, chunk("b"));
        long taken = System.nanoTime(); // before the take: the pause counts from inside the poll
        assertThat(stream.poll(Duration.ZERO)).contains(chunk("a"));

        assertThat(stream.poll(Duration.ofMillis(20))).isEmpty();
        assertThat(stream.poll(LONG)).contains(chunk("b"));
        assertThat(System.nanoTime() - taken).isGreaterThanOrEqualTo(pause.toNanos());
    }

    @Test
    void stallsWhenTheScriptRunsOutBeforeATerminalEvent() throws InterruptedException {
        ScriptedStream stream = ScriptedStream.of(chunk("a"));
        stream.poll(Duration.ZERO);

        assertThat(stream.poll(Duration.ofMillis(20))).isEmpty();
    }

    @Test
    void closingBeforeTheEndCancelsAndWakesAWaitingPoll() throws Exception {
        ScriptedStream stream = ScriptedStream.of().thenAfter(LONG, chunk("never"));
        CompletableFuture<Optional<CompletionEvent>> polled = new CompletableFuture<>();
        Thread poller = Thread.ofPlatform().start(() -> {
            try {
                polled.complete(stream.poll(LONG));
            } catch (InterruptedException e) {
                polled.completeExceptionally(e);
            }
        });
        while (poller.isAlive() && poller.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }

        stream.close();

        assertThat(polled.get(10, TimeUnit.SECONDS)).get()
                .matches(event -> ScriptedEvents.isFailure(event, FailureKind.CANCELLED));
        assertThat(stream.wasCancelled()).isTrue();
    }

    @Test
    void closingAfterTheEndIsNotACancellation() throws InterruptedException {
        ScriptedStream stream = ScriptedStream.answering("hi");
        while (!stream.poll(Duration.ZERO).orElseThrow().terminal()) {
            // drain
        }

        stream.close();
        stream.close();

        assertThat(stream.isClosed()).isTrue();
        assertThat(stream.closeCalls()).isEqualTo(2);
        assertThat(stream.wasCancelled()).isFalse();
        assertThat(stream.poll(Duration.ZERO)).contains(end());
    }
}
