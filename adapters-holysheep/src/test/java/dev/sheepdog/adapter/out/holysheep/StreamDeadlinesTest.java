package dev.sheepdog.adapter.out.holysheep;

import static dev.sheepdog.adapter.out.holysheep.Streams.drain;
import static dev.sheepdog.adapter.out.holysheep.Streams.endpoint;
import static dev.sheepdog.adapter.out.holysheep.Streams.terminal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Every stage of a stream has a deadline, and passing it is a typed failure, never a hang. */
class StreamDeadlinesTest {

    private static final StreamDeadlines TIGHT = new StreamDeadlines(
            Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(300), Duration.ofSeconds(2));

    private final HolySheepCompletionProvider provider = new HolySheepCompletionProvider(Clock.systemUTC());

    @Test
    void aProviderThatCannotBeReachedInTimeHitsTheConnectDeadline() throws Exception {
        // A listener that never accepts, its queue full: the next connection attempt hangs.
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket first = new Socket(listener.getInetAddress(), listener.getLocalPort());
             Socket second = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
            URI unreachable = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/v1");

            assertFailure(drain(provider.open(endpoint(unreachable, TIGHT), ApiKey.NONE, Requests.streaming())),
                    FailureKind.CONNECT_TIMEOUT);
        }
    }

    @Test
    void keepAliveCommentsDoNotResetTheFirstTokenDeadline() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(response -> {
            response.streamHeaders();
            for (int i = 0; i < 100; i++) {
                response.write(": keep-alive\n\n");
                Thread.sleep(50);
            }
        })) {
            assertFailure(streamFrom(upstream), FailureKind.FIRST_TOKEN_TIMEOUT);
        }
    }

    @Test
    void aProviderThatNeverAnswersHitsTheFirstTokenDeadline() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(response -> Thread.sleep(10_000))) {
            assertFailure(streamFrom(upstream), FailureKind.FIRST_TOKEN_TIMEOUT);
        }
    }

    @Test
    void aStreamThatStallsAfterItsFirstChunkHitsTheIdleDeadline() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(response -> {
            response.streamHeaders().chunk("Xin");
            Thread.sleep(10_000);
        })) {
            List<CompletionEvent> events = streamFrom(upstream);
            assertThat(Streams.text(events)).isEqualTo("Xin");
            assertFailure(events, FailureKind.IDLE_TIMEOUT);
        }
    }

    @Test
    void aStreamThatNeverEndsHitsTheTotalDeadline() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(response -> {
            response.streamHeaders();
            while (true) {
                response.chunk("x");
                Thread.sleep(50);
            }
        })) {
            List<CompletionEvent> events = streamFrom(upstream);
            assertThat(Streams.text(events)).startsWith("xxxx");
            assertFailure(events, FailureKind.STREAM_TIMEOUT);
        }
    }

    @Test
    void pollsReturnEmptyWhileWaitingWithinTheDeadline() throws Exception {
        CountDownLatch polledEmpty = new CountDownLatch(1);
        try (ScriptedUpstream upstream = new ScriptedUpstream(response -> {
            polledEmpty.await();
            response.streamHeaders().chunk("late").finish();
            response.end();
        })) {
            var stream = provider.open(endpoint(upstream.baseUrl(), Streams.RELAXED), ApiKey.NONE, Requests.streaming());
            assertThat(stream.poll(Duration.ofMillis(20))).isEmpty();
            polledEmpty.countDown();
            assertThat(Streams.text(drain(stream))).isEqualTo("late");
        }
    }

    private List<CompletionEvent> streamFrom(ScriptedUpstream upstream) throws InterruptedException {
        return drain(provider.open(endpoint(upstream.baseUrl(), TIGHT), ApiKey.NONE, Requests.streaming()));
    }

    private static void assertFailure(List<CompletionEvent> events, FailureKind kind) {
        assertThat(terminal(events)).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure().kind()).isEqualTo(kind));
    }
}
