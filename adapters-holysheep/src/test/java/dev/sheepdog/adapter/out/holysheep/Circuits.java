package dev.sheepdog.adapter.out.holysheep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Test helpers for circuits: endpoints with a chosen policy, the answers they give, and how a call ended. */
final class Circuits {

    static final EndpointId FLAKY = new EndpointId("flaky");
    static final String SSE_ANSWER = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},"
            + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

    private Circuits() {
    }

    /** Endpoints with the same id share one circuit, whatever their base URL. */
    static Endpoint endpoint(URI baseUrl, CircuitPolicy policy) {
        return new Endpoint(FLAKY, HolySheepCompletionProvider.NAME, baseUrl, Set.of(), Streams.RELAXED, policy);
    }

    /** The failure a call ended with, or empty when it ended normally. */
    static Optional<CompletionFailure> failure(List<CompletionEvent> events) {
        return Streams.terminal(events) instanceof CompletionEvent.Failed failed
                ? Optional.of(failed.failure()) : Optional.empty();
    }

    static boolean refused(List<CompletionEvent> events) {
        return failure(events).flatMap(CompletionFailure::upstreamCode).filter("circuit_open"::equals).isPresent();
    }

    static void assertRefused(List<CompletionEvent> events) {
        assertThat(events).singleElement().satisfies(event -> assertThat(refused(events)).as(event.toString()).isTrue());
    }

    static void assertNotRefused(List<CompletionEvent> events) {
        assertThat(refused(events)).as(events.toString()).isFalse();
    }
}
