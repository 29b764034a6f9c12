package dev.sheepdog.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SseEventReaderTest {

    @Test
    void ignoresCommentsSuchAsKeepAlivePings() throws IOException {
        assertThat(events(": ping\n\n: OPENROUTER PROCESSING\ndata: {\"a\":1}\n\n"))
                .containsExactly(new SseEvent("message", "{\"a\":1}"));
    }

    @Test
    void keepsTheTypeOfAnErrorEvent() throws IOException {
        List<SseEvent> events = events("data: {\"x\":1}\n\nevent: error\ndata: {\"error\":{\"code\":\"upstream\"}}\n\n");

        assertThat(events).extracting(SseEvent::type).containsExactly("message", "error");
        assertThat(events.get(1).isError()).isTrue();
    }

    @Test
    void joinsMultiLineDataAndAcceptsDataWithoutTheSpace() throws IOException {
        assertThat(events("data:first\ndata: second\n\n")).containsExactly(new SseEvent("message", "first\nsecond"));
    }

    @Test
    void ignoresOtherFieldsAndBlankLinesWithoutData() throws IOException {
        assertThat(events("\n\nid: 7\nretry: 1000\n\nevent: error\n\ndata: x\n\n"))
                .containsExactly(new SseEvent("message", "x"));
    }

    @Test
    void dropsAnEventTheBodyEndsInTheMiddleOf() throws IOException {
        assertThat(events("data: a\n\ndata: [DONE]\n")).containsExactly(new SseEvent("message", "a"));
    }

    @Test
    void readsTheSameEventsWithCrlfOrCrLineEnds() throws IOException {
        String body = ": c\nevent: error\ndata: e\n\ndata: [DONE]\n\n";

        assertThat(events(body.replace("\n", "\r\n"))).isEqualTo(events(body));
        assertThat(events(body.replace("\n", "\r"))).isEqualTo(events(body)).hasSize(2);
    }

    static List<SseEvent> events(String body) throws IOException {
        return events(new ByteArrayInputStream(body.getBytes(UTF_8)));
    }

    static List<SseEvent> events(InputStream body) throws IOException {
        SseEventReader reader = new SseEventReader(body);
        List<SseEvent> events = new ArrayList<>();
        Optional<SseEvent> event;
        while ((event = reader.next()).isPresent()) {
            events.add(event.get());
        }
        return events;
    }
}
