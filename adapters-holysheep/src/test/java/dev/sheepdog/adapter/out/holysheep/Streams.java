package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Test helpers: endpoints with chosen deadlines, and reading a stream to its end. */
final class Streams {

    static final StreamDeadlines RELAXED = new StreamDeadlines(
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20));

    private Streams() {
    }

    static Endpoint endpoint(URI baseUrl, StreamDeadlines deadlines) {
        return new Endpoint(new EndpointId("test"), HolySheepCompletionProvider.NAME, baseUrl, Set.of(), deadlines);
    }

    static Endpoint endpoint(URI baseUrl) {
        return endpoint(baseUrl, RELAXED);
    }

    /** Every event up to and including the terminal one; fails the test if it takes more than 30 s. */
    static List<CompletionEvent> drain(CompletionStream stream) throws InterruptedException {
        List<CompletionEvent> events = new ArrayList<>();
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (stream) {
            while (System.nanoTime() < giveUp) {
                Optional<CompletionEvent> event = stream.poll(Duration.ofMillis(200));
                if (event.isPresent()) {
                    events.add(event.get());
                    if (event.get().terminal()) {
                        return events;
                    }
                }
            }
        }
        throw new AssertionError("the stream did not end within 30 s: " + events);
    }

    static CompletionEvent terminal(List<CompletionEvent> events) {
        return events.getLast();
    }

    static String text(List<CompletionEvent> events) {
        StringBuilder text = new StringBuilder();
        for (CompletionEvent event : events) {
            if (event instanceof CompletionEvent.Chunk chunk) {
                text.append(chunk.text());
            }
        }
        return text.toString();
    }
}
