package dev.sheepdog.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.support.sse.SseEvent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Any provider's adapter gets the transport from its own headers and its own event interpreter. */
class ProviderHttpTest {

    private static final ApiKey KEY = ApiKey.of("sk-ant-api03-Q7mZ2xR9vK4tL8wP3nB6");

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ProviderHttp http = new ProviderHttp(Clock.systemUTC());

    @Test
    void streamsThroughTheAdaptersOwnInterpreter() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).withHeader("x-api-key", equalTo(KEY.reveal()))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody("event: text\ndata: Xin\n\nevent: text\ndata:  chào\n\nevent: stop\ndata: {}\n\n")));

        List<CompletionEvent> events = drain(stream(Duration.ofSeconds(5)));

        assertThat(events).containsExactly(CompletionEvent.Chunk.of(new Delta.Text("Xin")),
                CompletionEvent.Chunk.of(new Delta.Text(" chào")), new CompletionEvent.End());
    }

    @Test
    void anOverloadedProviderIsRetryableWithItsErrorTypeAndTheKeyScrubbed() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(529)
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded for "
                        + KEY.reveal() + "\"}}")));

        CompletionFailure failure = ((CompletionEvent.Failed) drain(stream(Duration.ofSeconds(5))).getLast()).failure();

        assertThat(failure.kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE);
        assertThat(failure.upstreamCode()).contains("overloaded_error");
        assertThat(failure.providerError().orElseThrow().text()).doesNotContain(KEY.reveal()).contains("Overloaded");
    }

    @Test
    void aProviderSilentPastTheFirstTokenDeadlineTimesOut() throws Exception {
        upstream.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withFixedDelay(3_000)
                .withHeader("Content-Type", "text/event-stream").withBody("event: stop\ndata: {}\n\n")));

        CompletionEvent last = drain(stream(Duration.ofMillis(300))).getLast();

        assertThat(((CompletionEvent.Failed) last).failure().kind()).isEqualTo(FailureKind.FIRST_TOKEN_TIMEOUT);
    }

    @Test
    void listsModelsWithTheAdaptersOwnHeaders() {
        upstream.stubFor(get(urlEqualTo("/v1/models")).withHeader("x-api-key", equalTo(KEY.reveal()))
                .willReturn(okJson("{\"data\":[{\"id\":\"claude-sonnet-4-5\",\"type\":\"model\"}],\"has_more\":false}")));
        HttpRequest list = HttpRequest.newBuilder(ProviderHttp.resolve(endpoint(Duration.ofSeconds(5)).baseUrl(), "/models"))
                .header("x-api-key", KEY.reveal()).GET().build();

        assertThat(http.listModels(endpoint(Duration.ofSeconds(5)), KEY, list, Duration.ofSeconds(5)))
                .containsExactly(new ModelInfo("claude-sonnet-4-5", ""));
    }

    private CompletionStream stream(Duration firstToken) {
        Endpoint endpoint = endpoint(firstToken);
        HttpRequest post = HttpRequest.newBuilder(ProviderHttp.resolve(endpoint.baseUrl(), "/messages"))
                .header("x-api-key", KEY.reveal()).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return http.stream(endpoint, KEY, post, new SseBodyReader(new TextEvents(), 1024), true);
    }

    private static Endpoint endpoint(Duration firstToken) {
        return new Endpoint(new EndpointId("any"), "any", URI.create(upstream.baseUrl() + "/v1/"), Set.of(),
                new StreamDeadlines(Duration.ofSeconds(2), firstToken, Duration.ofSeconds(5), Duration.ofSeconds(20)));
    }

    private static List<CompletionEvent> drain(CompletionStream stream) throws InterruptedException {
        List<CompletionEvent> events = new ArrayList<>();
        try (stream) {
            do {
                events.add(stream.poll(Duration.ofSeconds(10)).orElseThrow());
            } while (!events.getLast().terminal());
        }
        return events;
    }

    /** A made-up provider's format: "text" events carry text, a "stop" event ends the answer. */
    private static final class TextEvents implements SseEventInterpreter {
        private boolean ended;

        @Override
        public List<CompletionEvent> interpret(SseEvent event) {
            if (event.type().equals("stop")) {
                ended = true;
                return List.of(new CompletionEvent.End());
            }
            return List.of(CompletionEvent.Chunk.of(new Delta.Text(event.data())));
        }

        @Override
        public Optional<CompletionEvent> endOfBody(boolean unterminatedTail) {
            return ended ? Optional.empty() : Optional.of(new CompletionEvent.Failed(
                    CompletionFailure.of(FailureKind.STREAM_TRUNCATED, "cut")));
        }
    }
}
