package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.chunk;
import static dev.sheepdog.adapter.in.http.Events.end;
import static dev.sheepdog.adapter.in.http.SseFrames.DONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(20)
class StreamingResponseTest {

    // Odd spacing, a tab, key order no serializer would choose, escaped and raw unicode: all must survive.
    private static final String ODD_CHUNK = "{ \"object\" :\t\"chat.completion.chunk\",\"id\":\"c1\", \"choices\":[{\"delta\":"
            + "{\"content\":\"" + Bodies.VIETNAMESE + " \\u00e9 🐑\"},\"index\":0}] ,\"x_vendor\":{\"b\":1.50,\"a\":null}}";
    private static final String SECOND_CHUNK = "{\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\" tiếp\"}}]}";

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void answersWith200EventStream() throws Exception {
        gateway.completions.answerWith(chunk(SECOND_CHUNK), end());

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.response().statusCode()).isEqualTo(200);
            assertThat(frames.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(frames.response().headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(frames.response().headers().firstValue("X-Accel-Buffering")).hasValue("no");
            assertThat(frames.remainingEvents()).containsExactly("data: " + SECOND_CHUNK + "\n\n", DONE);
        }
    }

    @Test
    void writesEachChunkByteForByteAsTheProviderSentIt() throws Exception {
        gateway.completions.answerWith(chunk(ODD_CHUNK), chunk(SECOND_CHUNK), end());

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.remainingEvents())
                    .containsExactly("data: " + ODD_CHUNK + "\n\n", "data: " + SECOND_CHUNK + "\n\n", DONE);
        }
    }

    @Test
    void keepsVietnameseTextIntact() throws Exception {
        String chunk = "{\"choices\":[{\"delta\":{\"content\":\"" + Bodies.VIETNAMESE + "\"}}]}";
        gateway.completions.answerWith(chunk(chunk), end());

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.nextEvent()).isEqualTo("data: " + chunk + "\n\n").contains("tiếng Việt có dấu");
        }
    }

    @Test
    void streamsEachChunkAsItsOwnFlushedEvent() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith(chunk("{\"n\":1}"));

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            // Each chunk is emitted only once the client holds the previous one: a buffered
            // response would leave this test waiting for an event that is never sent.
            assertThat(frames.nextEvent()).isEqualTo("data: {\"n\":1}\n\n");
            provider.emit(chunk("{\"n\":2}"));
            assertThat(frames.nextEvent()).isEqualTo("data: {\"n\":2}\n\n");
            provider.emit(chunk("{\"n\":3}"));
            assertThat(frames.nextEvent()).isEqualTo("data: {\"n\":3}\n\n");
            provider.emit(end());
            assertThat(frames.remainingEvents()).containsExactly(DONE);
        }
    }

    @Test
    void sendsABurstOfChunksAsSoonAsNoMoreAreWaitingWithoutHoldingAnyBack() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith(chunk("{\"n\":1}"));

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.nextEvent()).isEqualTo("data: {\"n\":1}\n\n");
            // Three chunks already waiting go out together, and the last of them is not kept back
            // for a fourth: the stream stays open with nothing more emitted.
            provider.emit(chunk("{\"n\":2}")).emit(chunk("{\"n\":3}")).emit(chunk("{\"n\":4}"));
            assertThat(frames.nextEvent()).isEqualTo("data: {\"n\":2}\n\n");
            assertThat(frames.nextEvent()).isEqualTo("data: {\"n\":3}\n\n");
            assertThat(frames.nextEvent()).isEqualTo("data: {\"n\":4}\n\n");
            provider.emit(end());
            assertThat(frames.remainingEvents()).containsExactly(DONE);
        }
    }

    @Test
    void splitsAMultiLineChunkIntoDataLinesAsSseRequires() throws Exception {
        gateway.completions.answerWith(chunk("{\n  \"id\": \"c1\"\n}"), end());

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.nextEvent()).isEqualTo("data: {\ndata:   \"id\": \"c1\"\ndata: }\n\n");
        }
    }

    @Test
    void endsWithDoneAndClosesTheCompletionStream() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith(chunk("{\"n\":1}"), end());

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.remainingEvents()).last().isEqualTo(DONE);
        }
        assertThat(provider.awaitClose(Duration.ofSeconds(2))).isTrue();
        assertThat(provider.closedBeforeTerminal()).isFalse();
    }
}
