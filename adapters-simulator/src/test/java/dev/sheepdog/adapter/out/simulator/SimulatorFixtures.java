package dev.sheepdog.adapter.out.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.Sampling;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Requests, an endpoint and a provider for the simulator's tests. */
final class SimulatorFixtures {

    static final String MODEL = "gpt-4.1";
    static final Endpoint ENDPOINT = new Endpoint(new EndpointId("local"), SimulatedCompletionProvider.NAME,
            URI.create("http://localhost/v1"), Set.of(), StreamDeadlines.DEFAULT);
    static final SimulatorSettings INSTANT = SimulatorSettings.DEFAULT.withDelays(Duration.ZERO, Duration.ZERO);

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SimulatorFixtures() {
    }

    static SimulatedCompletionProvider provider(SimulatorSettings settings) {
        return new SimulatedCompletionProvider(settings);
    }

    static ChatMessage message(Role role, String text) {
        return new ChatMessage(role, text);
    }

    static CompletionRequest ask(String userText) {
        return CompletionRequest.streaming(MODEL, List.of(message(Role.USER, userText)));
    }

    static CompletionRequest request(String model, List<ChatMessage> messages, OptionalInt maxTokens,
                                     boolean stream) {
        Sampling sampling = new Sampling(Sampling.DEFAULT.temperature(), Sampling.DEFAULT.topP(), maxTokens,
                List.of());
        return new CompletionRequest(model, messages, sampling, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), stream, false, Optional.empty());
    }

    static CompletionRequest withMaxTokens(CompletionRequest request, int maxTokens) {
        return request(request.model(), request.messages(), OptionalInt.of(maxTokens), request.stream());
    }

    static CompletionRequest nonStreaming(CompletionRequest request) {
        return request(request.model(), request.messages(), request.sampling().maxTokens(), false);
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
        return textOf(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, request));
    }

    /** The whole answer the instant simulator gives to a request with a seed. */
    static String answerTo(CompletionRequest request, String seed) throws InterruptedException {
        return textOf(provider(INSTANT).open(request, seed));
    }

    static String textOf(CompletionStream stream) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        contentChunks(drain(stream)).forEach(chunk -> text.append(chunk.text()));
        return text.toString();
    }
}
