package dev.sheepdog.adapter.out.holysheep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider's HTTP status decides what a failure is; its Content-Type does not. */
class StatusCodeTest {

    private static final ApiKey KEY = ApiKey.of("sk-holysheep-secret-0123456789");

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HolySheepCompletionProvider provider = new HolySheepCompletionProvider(Clock.systemUTC());

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({
        "400, INVALID_REQUEST", "404, INVALID_REQUEST", "422, INVALID_REQUEST",
        "401, UPSTREAM_AUTH", "403, UPSTREAM_AUTH", "402, INSUFFICIENT_BALANCE", "429, RATE_LIMITED",
        "500, UPSTREAM_UNAVAILABLE", "502, UPSTREAM_UNAVAILABLE", "503, UPSTREAM_UNAVAILABLE",
        "504, UPSTREAM_UNAVAILABLE"})
    void mapsEachStatusToItsFailure(int status, FailureKind kind) throws Exception {
        CompletionFailure failure = failureFor(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"something\",\"type\":\"x\",\"code\":\"c\"}}"));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.upstreamStatus()).isEqualTo(status);
    }

    @Test
    void passesTheCallersErrorOnEvenWhenItIsServedAsOctetStream() throws Exception {
        CompletionFailure failure = failureFor(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/octet-stream")
                .withBody(Fixtures.text("http400_deepseek_invalid_request_octet_stream.json")));

        assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(failure.message()).isNotBlank().doesNotContain("{\"error\"");
    }

    @Test
    void passesTheProvidersModelNotFoundCodeOn() throws Exception {
        CompletionFailure failure = failureFor(aResponse().withStatus(404)
                .withBody(Fixtures.text("http404_openai_chat_model_not_found.json")));

        assertThat(failure.upstreamCode()).contains("model_not_found");
        assertThat(failure.message()).contains("does not exist");
    }

    @Test
    void neverRepeatsWhatTheProviderSaidAboutARefusedKey() throws Exception {
        CompletionFailure failure = failureFor(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY.reveal() + "\"}}"));

        assertThat(failure.message()).doesNotContain(KEY.reveal()).contains("refused");
    }

    @Test
    void scrubsTheKeyFromAnErrorPassedOnToTheCaller() throws Exception {
        CompletionFailure failure = failureFor(aResponse().withStatus(400)
                .withBody("{\"error\":{\"message\":\"bad request for key " + KEY.reveal() + "\"}}"));

        assertThat(failure.message()).doesNotContain(KEY.reveal()).contains(KEY.fingerprint());
    }

    @Test
    void readsRetryAfterInSecondsAndMilliseconds() throws Exception {
        assertThat(failureFor(aResponse().withStatus(429).withHeader("Retry-After", "7")).retryAfter())
                .contains(Duration.ofSeconds(7));
        assertThat(failureFor(aResponse().withStatus(429).withHeader("retry-after-ms", "1500")
                .withHeader("Retry-After", "2")).retryAfter()).contains(Duration.ofMillis(1500));
        assertThat(failureFor(aResponse().withStatus(429)
                .withBody(Fixtures.text("http429_openrouter_upstream_rate_limited.json"))).retryAfter()).isEmpty();
    }

    private CompletionFailure failureFor(ResponseDefinitionBuilder response) throws InterruptedException {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(response));
        var events = Streams.drain(provider.open(Streams.endpoint(URI.create(upstream.baseUrl() + "/v1")), KEY,
                Requests.streaming()));
        assertThat(events).hasSize(1);
        return ((Failed) events.getFirst()).failure();
    }

    /** The recorded error bodies, from the project's own copy of the shared fixtures. */
    static final class Fixtures {
        static String text(String name) {
            try (var in = Objects.requireNonNull(StatusCodeTest.class.getResourceAsStream("/streams/" + name), name)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
