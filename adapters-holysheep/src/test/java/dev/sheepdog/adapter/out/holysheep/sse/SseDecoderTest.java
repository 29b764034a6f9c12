package dev.sheepdog.adapter.out.holysheep.sse;

import dev.sheepdog.support.sse.SseDecoder;
import dev.sheepdog.support.sse.SseEvent;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseDecoderTest {

    private final SseDecoder decoder = new SseDecoder();

    @Test
    void takesACrAtTheEndOfOneFeedAndAnLfAtTheStartOfTheNextAsOneLineEnd() {
        assertThat(decoder.feed(bytes("data: a\r"))).isEmpty();
        // Two line ends here would make a blank line and dispatch "a" alone.
        assertThat(decoder.feed(bytes("\ndata: b\r\n\r\n"))).containsExactly(SseEvent.message("a\nb"));
    }

    @Test
    void endsLinesOnCrAloneAndOnCrlf() {
        assertThat(decoder.feed(bytes("data: a\rdata: b\r\rdata: c\r\ndata: d\r\n\r\n")))
                .containsExactly(SseEvent.message("a\nb"), SseEvent.message("c\nd"));
    }

    @Test
    void removesOnlyOneOptionalSpaceAfterTheColon() {
        assertThat(decoder.feed(bytes("data:x\n\ndata: x\n\ndata:  x\n\n")))
                .extracting(SseEvent::data).containsExactly("x", "x", " x");
    }

    @Test
    void joinsDataLinesWithNewlines() {
        assertThat(decoder.feed(bytes("data: a\ndata:\ndata: c\n\n"))).containsExactly(SseEvent.message("a\n\nc"));
    }

    @Test
    void readsALineWithoutAColonAsAFieldWithAnEmptyValue() {
        assertThat(decoder.feed(bytes("data\n\ndata\ndata\n\n"))).extracting(SseEvent::data).containsExactly("", "\n");
    }

    @Test
    void keepsTheEventTypeForOneEventOnly() {
        assertThat(decoder.feed(bytes("event: error\ndata: {}\n\ndata: next\n\n")))
                .containsExactly(new SseEvent("error", "{}"), SseEvent.message("next"));
    }

    @Test
    void dispatchesNothingForAnEventWithoutDataAndForgetsItsType() {
        assertThat(decoder.feed(bytes("event: error\n\ndata: x\n\n"))).containsExactly(SseEvent.message("x"));
    }

    @Test
    void countsCommentsWithoutDispatchingThem() {
        assertThat(decoder.feed(bytes(": OPENROUTER PROCESSING\n\n:keep-alive\n\ndata: x\n: inside\n\n")))
                .containsExactly(SseEvent.message("x"));
        assertThat(decoder.comments()).isEqualTo(3);
    }

    @Test
    void ignoresIdRetryAndUnknownFields() {
        assertThat(decoder.feed(bytes("id: 7\nretry: 10\nfoo: bar\ndata: x\nDATA: y\n\n")))
                .containsExactly(SseEvent.message("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"你好，世界", "😄🚀 ok", "Tiếng Việt có dấu", "Tie\u0302\u0301ng Vie\u0323\u0302t"})
    void reassemblesCharactersSplitAtEveryByte(String text) {
        byte[] body = bytes("data: " + text + "\n\n");
        for (int offset = 0; offset <= body.length; offset++) {
            SseDecoder split = new SseDecoder();
            List<SseEvent> events = new ArrayList<>(split.feed(body, 0, offset));
            events.addAll(split.feed(body, offset, body.length - offset));
            assertThat(events).as("split at %d", offset).containsExactly(SseEvent.message(text));
        }
        assertThat(feedByteByByte(body)).containsExactly(SseEvent.message(text));
    }

    @Test
    void replacesMalformedUtf8WithTheReplacementCharacter() {
        byte[] body = {'d', 'a', 't', 'a', ':', (byte) 0xFF, 'x', (byte) 0xE4, (byte) 0xBD, '\n', '\n'};
        assertThat(decoder.feed(body)).containsExactly(SseEvent.message("\uFFFDx\uFFFD"));
    }

    @Test
    void stripsOneBomAtTheStartEvenWhenItArrivesSplit() {
        byte[] body = bytes("\uFEFFdata: x\n\n");
        for (int offset = 0; offset <= body.length; offset++) {
            SseDecoder split = new SseDecoder();
            List<SseEvent> events = new ArrayList<>(split.feed(body, 0, offset));
            events.addAll(split.feed(body, offset, body.length - offset));
            assertThat(events).as("split at %d", offset).containsExactly(SseEvent.message("x"));
        }
    }

    @Test
    void stripsTheBomOnlyOnceAndOnlyAtTheStart() {
        // A second BOM belongs to the field name, which is then unknown.
        assertThat(new SseDecoder().feed(bytes("\uFEFF\uFEFFdata: x\n\n"))).isEmpty();
        assertThat(decoder.feed(bytes("data: a\n\n\uFEFFdata: b\n\ndata: \uFEFFc\n\n")))
                .containsExactly(SseEvent.message("a"), SseEvent.message("\uFEFFc"));
    }

    @Test
    void dropsAnUnterminatedLastEventAndReportsTheTail() {
        assertThat(decoder.feed(bytes("data: a\n\ndata: [DONE]\n"))).containsExactly(SseEvent.message("a"));
        assertThat(decoder.finish()).isTrue();
    }

    @Test
    void reportsAPartialLineAsATail() {
        decoder.feed(bytes("data: a\n\ndata: b"));
        assertThat(decoder.finish()).isTrue();
    }

    @Test
    void reportsNoTailWhenTheLastEventWasClosed() {
        decoder.feed(bytes("data: a\n\n: bye\n"));
        assertThat(decoder.finish()).isFalse();
    }

    @Test
    void readsHeapDirectAndReadOnlyBuffers() {
        ByteBuffer direct = ByteBuffer.allocateDirect(20_000);
        direct.put(bytes("data: " + "x".repeat(19_000) + "\n\n")).flip();
        assertThat(decoder.feed(direct)).singleElement().extracting(SseEvent::data).asString().hasSize(19_000);
        assertThat(direct.hasRemaining()).isFalse();
        ByteBuffer readOnly = ByteBuffer.wrap(bytes("xxdata: y\n\n")).position(2).asReadOnlyBuffer();
        assertThat(decoder.feed(readOnly)).containsExactly(SseEvent.message("y"));
        assertThat(decoder.feed(ByteBuffer.wrap(bytes("data: z\n\n")))).containsExactly(SseEvent.message("z"));
    }

    private List<SseEvent> feedByteByByte(byte[] body) {
        SseDecoder bytewise = new SseDecoder();
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < body.length; i++) {
            events.addAll(bytewise.feed(body, i, 1));
        }
        return events;
    }

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
