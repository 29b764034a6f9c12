package dev.sheepdog.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CompletionProvider} promises; each implementation runs it against an endpoint that answers. */
public abstract class CompletionProviderContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

    protected CompletionProvider provider;

    /** A fresh provider for each test. */
    protected abstract CompletionProvider createProvider();

    /** An endpoint of that provider that answers {@link #request()} normally. */
    protected abstract Endpoint endpoint();

    /** A request answered with at least two chunks of text. */
    protected abstract CompletionRequest request();

    protected ApiKey key() {
        return ApiKey.NONE;
    }

    @BeforeEach
    void createTheProvider() {
        provider = createProvider();
    }

    @Test
    void streamsTextThenOneFinishReasonThenUsageThenTheEnd() throws InterruptedException {
        List<CompletionEvent> events = drain(provider.open(endpoint(), key(), request()));

        List<Chunk> chunks = events.stream().filter(Chunk.class::isInstance).map(Chunk.class::cast).toList();
        assertThat(chunks).filteredOn(chunk -> chunk.finishReason().isPresent()).hasSize(1);
        assertThat(chunks.getFirst().text()).isNotEmpty();
        assertThat(events).last().isInstanceOf(End.class);
        assertThat(events).filteredOn(UsageReport.class::isInstance).singleElement()
                .satisfies(usage -> assertThat(((UsageReport) usage).usage().completionTokens()).isPositive());
    }

    @Test
    void repeatsTheTerminalEventOnEveryLaterPoll() throws InterruptedException {
        try (CompletionStream stream = provider.open(endpoint(), key(), request())) {
            CompletionEvent last = drain(stream).getLast();

            assertThat(stream.poll(Duration.ZERO)).contains(last);
            assertThat(stream.poll(WAIT)).contains(last);
        }
    }

    @Test
    void reportsAStreamClosedBeforeItsEndAsCancelled() throws InterruptedException {
        CompletionStream stream = provider.open(endpoint(), key(), request());
        assertThat(stream.poll(WAIT)).get().isInstanceOf(Chunk.class);

        stream.close();
        stream.close();

        assertThat(stream.poll(WAIT)).get().matches(event -> ScriptedEvents.isFailure(event, FailureKind.CANCELLED));
    }

    /** Every event up to and including the terminal one. */
    public static List<CompletionEvent> drain(CompletionStream stream) throws InterruptedException {
        List<CompletionEvent> events = new ArrayList<>();
        while (events.isEmpty() || !events.getLast().terminal()) {
            Optional<CompletionEvent> event = stream.poll(WAIT);
            assertThat(event).as("an event within %s after %s", WAIT, events).isPresent();
            events.add(event.orElseThrow());
        }
        return events;
    }
}
