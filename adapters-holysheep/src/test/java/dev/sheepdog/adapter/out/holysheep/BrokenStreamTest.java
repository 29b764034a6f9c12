package dev.sheepdog.adapter.out.holysheep;

import static dev.sheepdog.adapter.out.holysheep.Streams.drain;
import static dev.sheepdog.adapter.out.holysheep.Streams.terminal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.FailureKind;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider's stream that breaks is a typed failure, and the text that did arrive is kept. */
class BrokenStreamTest {

    private final HolySheepCompletionProvider provider = new HolySheepCompletionProvider(Clock.systemUTC());

    @Test
    void aConnectionCutMidStreamIsATruncatedStream() throws Exception {
        List<CompletionEvent> events = play(response -> {
            response.streamHeaders().chunk("Xin").chunk(" chào");
            response.cut();
        });
        assertThat(Streams.text(events)).isEqualTo("Xin chào");
        assertFailure(events, FailureKind.STREAM_TRUNCATED);
        assertThat(((Failed) terminal(events)).failure().message())
                .matches("The provider's stream was cut off after \\d+ bytes\\.");
    }

    @Test
    void aCutConnectionIsDescribedInSheepdogsWordsNeverTheJdks() throws Exception {
        List<CompletionEvent> events = play(response -> {
            response.streamHeaders().chunk("Xin");
            response.writeUnframed("7");
            response.cut();
        });
        assertThat(((Failed) terminal(events)).failure().message()).startsWith("The provider's stream was cut off")
                .doesNotContainIgnoringCase("chunked").doesNotContain("READING", "Exception", "java.");
    }

    @Test
    void aConnectionCutBeforeAnyChunkLeavesTheProviderUnavailable() throws Exception {
        List<CompletionEvent> events = play(response -> {
            response.streamHeaders();
            response.cut();
        });
        assertFailure(events, FailureKind.UPSTREAM_UNAVAILABLE);
        assertThat(((Failed) terminal(events)).failure().retryable()).isTrue();
        assertThat(((Failed) terminal(events)).failure().message())
                .isEqualTo("The provider's stream was cut off after 0 bytes, before its first token.");
    }

    @Test
    void aBodyThatEndsBeforeAFinishReasonIsATruncatedStream() throws Exception {
        List<CompletionEvent> events = play(response -> {
            response.streamHeaders().chunk("half an ans");
            response.end();
        });
        assertFailure(events, FailureKind.STREAM_TRUNCATED);
    }

    @Test
    void aBodyThatEndsAfterAFinishReasonWithoutDoneIsANormalEnd() throws Exception {
        List<CompletionEvent> events = play(response -> {
            response.streamHeaders().chunk("done").finish();
            response.end();
        });
        assertThat(terminal(events)).isInstanceOf(CompletionEvent.End.class);
    }

    @Test
    void garbageInTheStreamIsAMalformedStream() throws Exception {
        List<CompletionEvent> events = play(response -> {
            response.streamHeaders().chunk("ok").write("data: {\"choices\": [tru\n\n");
            response.end();
        });
        assertFailure(events, FailureKind.MALFORMED_STREAM);
    }

    @Test
    void aTwoMebibyteLineIsRefusedAsTooLarge() throws Exception {
        List<CompletionEvent> events = play(response -> {
            response.streamHeaders().write("data: ");
            byte[] piece = "x".repeat(64 * 1024).getBytes();
            for (int i = 0; i < 32; i++) {
                response.write(piece);
            }
            response.write("\n\n").end();
        });
        assertFailure(events, FailureKind.EVENT_TOO_LARGE);
    }

    @Test
    void aRefusedConnectionLeavesTheProviderUnavailable() throws Exception {
        ScriptedUpstream gone = new ScriptedUpstream(response -> { });
        gone.close();

        List<CompletionEvent> events = drain(provider.open(Streams.endpoint(gone.baseUrl()), ApiKey.NONE,
                Requests.streaming()));

        assertFailure(events, FailureKind.UPSTREAM_UNAVAILABLE);
        assertThat(((Failed) terminal(events)).failure().message())
                .isEqualTo("The provider is unreachable: could not connect.");
    }

    private List<CompletionEvent> play(ScriptedUpstream.Script script) throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(script)) {
            return drain(provider.open(Streams.endpoint(upstream.baseUrl()), ApiKey.NONE, Requests.streaming()));
        }
    }

    private static void assertFailure(List<CompletionEvent> events, FailureKind kind) {
        assertThat(terminal(events)).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.failure().kind()).as(failed.failure().message()).isEqualTo(kind));
    }
}
