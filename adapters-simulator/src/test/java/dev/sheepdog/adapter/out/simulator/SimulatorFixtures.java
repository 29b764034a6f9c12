package dev.sheepdog.adapter.out.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/** Requests, an endpoint and a provider for the simulator's tests. */
final class SimulatorFixtures {

    static final String MODEL = "gpt-4.1";
    static final Endpoint ENDPOINT = new Endpoint(new EndpointId("local"), SimulatedCompletionProvider.NAME,
            URI.create("http://localhost/v1"), Set.of(), StreamDeadlines.DEFAULT);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final SimulatorSettings INSTANT = SimulatorSettings.DEFAULT.withDelays(Duration.ZERO, Duration.ZERO);

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SimulatorFixtures() {
    }

    static SimulatedCompletionProvider provider(SimulatorSettings settings) {
        return new SimulatedCompletionProvider(settings, CLOCK);
    }

    static ChatMessage message(Role role, String text) {
        // The simulator reads only role and text; the raw JSON just has to be present.
        return new ChatMessage(role, text, new RawJson("{\"role\":\"" + role.wireName() + "\"}"));
    }

    static CompletionRequest ask(String userText) {
        return CompletionRequest.streaming(MODEL, List.of(message(Role.USER, userText)));
    }

    static CompletionRequest request(String model, List<ChatMessage> messages, OptionalInt maxTokens,
                                     boolean stream, Map<String, RawJson> otherFields) {
        return new CompletionRequest(model, messages, OptionalDouble.empty(), maxTokens, Optional.empty(), stream,
                false, otherFields);
    }

    static CompletionRequest withSeed(CompletionRequest request, String seed) {
        return request(request.model(), request.messages(), request.maxTokens(), request.stream(),
                Map.of("seed", new RawJson(seed)));
    }

    static CompletionRequest withMaxTokens(CompletionRequest request, int maxTokens) {
        return request(request.model(), request.messages(), OptionalInt.of(maxTokens), request.stream(),
                request.otherFields());
    }

    static CompletionRequest nonStreaming(CompletionRequest request) {
        return request(request.model(), request.messages(), request.maxTokens(), false, request.otherFields());
    }

    /** Every event up to and including the terminal one. */
    static List<CompletionEvent> drain(CompletionStream stream) throws InterruptedException {
        List<CompletionEvent> events = new ArrayList<>();
        while (events.isEmpty() || !events.getLast().terminal()) {
            Optional<CompletionEvent> event = stream.poll(WAIT);
            assertThat(event).as("an event within %s", WAIT).isPresent();
            events.add(event.orElseThrow());
        }
        return events;
    }

    /** The content chunks of a streamed answer: those with text. */
    static List<CompletionEvent.Chunk> contentChunks(List<CompletionEvent> events) {
        return events.stream().filter(CompletionEvent.Chunk.class::isInstance).map(CompletionEvent.Chunk.class::cast)
                .filter(chunk -> !chunk.text().isEmpty()).toList();
    }

    /** The whole answer the instant simulator gives to a request. */
    static String answerTo(CompletionRequest request) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        contentChunks(drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, request))).forEach(c -> text.append(c.text()));
        return text.toString();
    }
}
