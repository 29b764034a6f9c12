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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code "stream": false} request has the first-token and idle deadlines too: a provider that never
 * starts its answer, or stops sending it, fails long before the whole-stream deadline.
 */
class WholeAnswerDeadlinesTest {

    // The whole-stream deadline is far beyond what any of these tests waits.
    private static final StreamDeadlines TIGHT = new StreamDeadlines(
            Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofMinutes(10));
    private static final String COMPLETION = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"Chào bạn\"},\"finish_reason\":\"stop\"}]}";

    private final HolySheepCompletionProvider provider = new HolySheepCompletionProvider(Clock.systemUTC());

    @Test
    void aProviderThatNeverAnswersANonStreamingRequestHitsTheFirstTokenDeadline() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(response -> Thread.sleep(10_000))) {
            List<CompletionEvent> events = wholeAnswerFrom(upstream);

            assertFailure(events, FailureKind.FIRST_TOKEN_TIMEOUT);
        }
    }

    @Test
    void aNonStreamingAnswerThatStallsMidwayHitsTheIdleDeadline() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(response -> {
            response.jsonHeaders().write(COMPLETION.substring(0, 20));
            Thread.sleep(10_000);
        })) {
            assertFailure(wholeAnswerFrom(upstream), FailureKind.IDLE_TIMEOUT);
        }
    }

    @Test
    void aNonStreamingAnswerSentInPiecesMayTakeLongerThanTheFirstTokenDeadline() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(response -> {
            response.jsonHeaders();
            // Each piece well within the idle deadline, all of them together well past the first-token one.
            for (int at = 0; at < COMPLETION.length(); at += COMPLETION.length() / 6 + 1) {
                response.write(COMPLETION.substring(at, Math.min(COMPLETION.length(), at + COMPLETION.length() / 6 + 1)));
                Thread.sleep(150);
            }
            response.end();
        })) {
            List<CompletionEvent> events = wholeAnswerFrom(upstream);

            assertThat(terminal(events)).isInstanceOf(CompletionEvent.End.class);
            assertThat(Streams.text(events)).isEqualTo("Chào bạn");
        }
    }

    private List<CompletionEvent> wholeAnswerFrom(ScriptedUpstream upstream) throws InterruptedException {
        return drain(provider.open(endpoint(upstream.baseUrl(), TIGHT), ApiKey.NONE, Requests.whole()));
    }

    private static void assertFailure(List<CompletionEvent> events, FailureKind kind) {
        assertThat(terminal(events)).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure().kind()).isEqualTo(kind));
    }
}
