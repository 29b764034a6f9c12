package dev.sheepdog.adapter.out.holysheep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.adapter.out.holysheep.fixtures.RecordedStreams;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The provider's error object is kept whole, and no string in it, or anywhere in a failure, carries the key. */
class ProviderErrorsTest {

    private static final ApiKey KEY = ApiKey.of("sk-holysheep-live-4f9d2c7b1e8a6035");
    private static final String TAIL = "4f9d2c7b1e8a6035";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HolySheepCompletionProvider provider = new HolySheepCompletionProvider(Clock.systemUTC());

    static List<String> recordedErrorBodies() {
        return RecordedStreams.errorBodyNames();
    }

    @ParameterizedTest
    @MethodSource("recordedErrorBodies")
    void keepsTheErrorObjectOfEachRecordedErrorBody(String name) throws Exception {
        CompletionFailure failure = failureFor(RecordedStreams.status(name), "application/json",
                new String(RecordedStreams.bytes(name), java.nio.charset.StandardCharsets.UTF_8));

        JsonNode recorded = JSON.readTree(RecordedStreams.bytes(name)).get("error");
        assertThat(JSON.readTree(failure.providerError().orElseThrow().text())).isEqualTo(recorded);
    }

    @Test
    void keepsTheErrorOfTheRecordedOpenRouterStream() throws Exception {
        String name = "openrouter_comments_then_error_in_chunk_then_done.sse";
        CompletionFailure failure = failureFor(200, "text/event-stream",
                new String(RecordedStreams.body(name), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(JSON.readTree(failure.providerError().orElseThrow().text()))
                .isEqualTo(RecordedStreams.expected(name).path("errors").get(0));
    }

    @Test
    void scrubsTheKeyFromEveryFieldOfAnHttpError() throws Exception {
        assertClean(failureFor(400, "application/json", "{\"error\":" + errorQuotingTheKey() + "}"));
    }

    @Test
    void scrubsTheKeyFromEveryFieldOfAnErrorEventMidStream() throws Exception {
        assertClean(failureFor(200, "text/event-stream",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\n"
                        + "event: error\ndata: {\"error\":" + errorQuotingTheKey() + "}\n\n"));
    }

    @Test
    void scrubsTheKeyFromAnErrorMemberOfAChunkAndFromGarbage() throws Exception {
        assertClean(failureFor(200, "text/event-stream", "data: {\"error\":" + errorQuotingTheKey() + "}\n\n"));
        CompletionFailure garbage = failureFor(200, "text/event-stream", "data: {" + KEY.reveal() + "\n\n");
        assertThat(garbage.kind()).isEqualTo(FailureKind.MALFORMED_STREAM);
        assertThat(garbage.message()).doesNotContain(TAIL);
    }

    /** The key in every field: code, message, param, a nested vendor field, a field name, its bare tail. */
    static String errorQuotingTheKey() {
        String key = KEY.reveal();
        return "{\"code\":\"" + key + "\",\"message\":\"Incorrect API key provided: " + key + " (" + TAIL + ")\","
                + "\"param\":\"" + key + "\",\"type\":\"invalid_request_error\","
                + "\"extra\":{\"nested\":\"" + key + "\",\"" + key + "\":[\"Bearer " + TAIL + "\"]}}";
    }

    private static void assertClean(CompletionFailure failure) {
        assertThat(failure.message()).doesNotContain(TAIL);
        assertThat(failure.upstreamCode()).hasValueSatisfying(code -> assertThat(code).doesNotContain(TAIL));
        assertThat(failure.providerError()).hasValueSatisfying(error -> assertThat(error.text())
                .doesNotContain(TAIL).contains("\"nested\":\"[key " + KEY.fingerprint() + "]\""));
        assertThat(failure.toString()).doesNotContain(TAIL);
    }

    private CompletionFailure failureFor(int status, String contentType, String body) throws InterruptedException {
        upstream.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));
        var events = Streams.drain(provider.open(Streams.endpoint(URI.create(upstream.baseUrl() + "/v1")), KEY,
                Requests.streaming()));
        return ((Failed) Streams.terminal(events)).failure();
    }
}
