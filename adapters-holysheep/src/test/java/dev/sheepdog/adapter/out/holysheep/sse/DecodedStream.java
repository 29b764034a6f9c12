package dev.sheepdog.adapter.out.holysheep.sse;

import dev.sheepdog.support.sse.SseDecoder;
import dev.sheepdog.support.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;

/** What {@link SseDecoder} made of a whole body fed in pieces: its events, comments and tail. */
record DecodedStream(List<SseEvent> events, int comments, boolean unterminatedTail) {

    /** Decodes {@code body} fed as the pieces between the ascending {@code cuts}. */
    static DecodedStream decode(byte[] body, int... cuts) {
        SseDecoder decoder = new SseDecoder();
        List<SseEvent> events = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            events.addAll(decoder.feed(body, from, cut - from));
            from = cut;
        }
        events.addAll(decoder.feed(body, from, body.length - from));
        boolean tail = decoder.finish();
        return new DecodedStream(List.copyOf(events), decoder.comments(), tail);
    }

    boolean doneDispatched() {
        return events.stream().anyMatch(event -> event.data().equals("[DONE]"));
    }
}
