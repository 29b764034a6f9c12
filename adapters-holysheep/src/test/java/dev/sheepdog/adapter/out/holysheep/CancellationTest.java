package dev.sheepdog.adapter.out.holysheep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A reader that leaves stops the provider: no tokens generated, and billed, for nobody. */
class CancellationTest {

    private final HolySheepCompletionProvider provider = new HolySheepCompletionProvider(Clock.systemUTC());

    @Test
    void closingTheStreamClosesTheUpstreamConnectionWithinOneSecond() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(ScriptedUpstreamScripts::endlessTokens)) {
            CompletionStream stream = provider.open(Streams.endpoint(upstream.baseUrl()), ApiKey.NONE,
                    Requests.streaming());
            readChunks(stream, 3);

            long closedAt = System.nanoTime();
            stream.close();

            long upstreamSawItAt = upstream.clientLeft().get(5, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(upstreamSawItAt - closedAt)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void closingBeforeTheHeadersArriveAbandonsTheRequest() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(response -> {
            Thread.sleep(300);
            ScriptedUpstreamScripts.endlessTokens(response);
        })) {
            CompletionStream stream = provider.open(Streams.endpoint(upstream.baseUrl()), ApiKey.NONE,
                    Requests.streaming());
            upstream.firstRequest().get(5, TimeUnit.SECONDS);
            stream.close();

            assertThat(upstream.clientLeft().get(5, TimeUnit.SECONDS)).isPositive();
        }
    }

    @Test
    void aClosedStreamReportsItWasCancelled() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(ScriptedUpstreamScripts::endlessTokens)) {
            CompletionStream stream = provider.open(Streams.endpoint(upstream.baseUrl()), ApiKey.NONE,
                    Requests.streaming());
            readChunks(stream, 1);
            stream.close();

            assertThat(stream.poll(Duration.ofMillis(10))).hasValueSatisfying(event ->
                    assertThat(event).isInstanceOfSatisfying(CompletionEvent.Failed.class,
                            failed -> assertThat(failed.failure().kind()).isEqualTo(FailureKind.CANCELLED)));
        }
    }

    private static void readChunks(CompletionStream stream, int count) throws InterruptedException {
        int read = 0;
        while (read < count) {
            if (stream.poll(Duration.ofSeconds(5)).orElseThrow() instanceof CompletionEvent.Chunk) {
                read++;
            }
        }
    }
}
