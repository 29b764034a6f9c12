package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.chunk;
import static dev.sheepdog.adapter.in.http.Events.failed;
import static dev.sheepdog.domain.model.FailureKind.IDLE_TIMEOUT;
import static dev.sheepdog.domain.model.FailureKind.RATE_LIMITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.caller.CallerStoreException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(20)
class FailureResponseTest {

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    static Stream<Arguments> failuresBeforeTheFirstChunk() {
        return Stream.of(
                arguments(failure(FailureKind.MODEL_NOT_FOUND, 404, null),
                        new ErrorReply(404, "invalid_request_error", null, "model_not_found")),
                arguments(failure(FailureKind.INVALID_REQUEST, 422, "context_length_exceeded"),
                        new ErrorReply(422, "invalid_request_error", null, "context_length_exceeded")),
                arguments(failure(FailureKind.INVALID_REQUEST, 0, null),
                        new ErrorReply(400, "invalid_request_error", null, null)),
                arguments(failure(FailureKind.UPSTREAM_AUTH, 401, null),
                        new ErrorReply(502, "upstream_auth", null, "upstream_auth_failed")),
                arguments(failure(FailureKind.INSUFFICIENT_BALANCE, 402, null),
                        new ErrorReply(402, "insufficient_balance", null, "insufficient_balance")),
                arguments(failure(FailureKind.UPSTREAM_UNAVAILABLE, 503, null),
                        new ErrorReply(503, "upstream_unavailable", null, "upstream_unavailable")),
                arguments(failure(FailureKind.CONNECT_TIMEOUT, 0, null),
                        new ErrorReply(504, "upstream_timeout", null, "connect_timeout")),
                arguments(failure(FailureKind.FIRST_TOKEN_TIMEOUT, 0, null),
                        new ErrorReply(504, "upstream_timeout", null, "first_token_timeout")),
                arguments(failure(FailureKind.UPSTREAM_ERROR, 200, "server_overloaded"),
                        new ErrorReply(502, "upstream_error", null, "server_overloaded")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresBeforeTheFirstChunk")
    void answersAFailureBeforeTheFirstChunkWithItsHttpStatusAndOpenAiError(CompletionFailure failure,
                                                                          ErrorReply expected) throws Exception {
        gateway.completions.answerWith(failed(failure));

        HttpResponse<String> response = gateway.post(Bodies.streaming());

        assertThat(ErrorReply.of(response)).isEqualTo(expected);
        assertThat(ErrorReply.messageOf(response)).isEqualTo(failure.message());
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @ParameterizedTest(name = "wait of {0} ms -> Retry-After: {1}")
    @CsvSource({"1500, 2", "2000, 2", "1, 1"})
    void tellsARateLimitedClientHowLongToWait(long waitMillis, String seconds) throws Exception {
        gateway.completions.answerWith(failed(new CompletionFailure(RATE_LIMITED, "Slow down.", 429,
                Optional.empty(), Optional.of(Duration.ofMillis(waitMillis)))));

        HttpResponse<String> response = gateway.post(Bodies.streaming());

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(429, "rate_limit_error", null, "rate_limited"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue(seconds);
        assertThat(response.headers().firstValue("retry-after-ms")).hasValue(String.valueOf(waitMillis));
        assertThat(ErrorReply.errorObject(response.body()).get("retry_after_seconds").asText()).isEqualTo(seconds);
    }

    @Test
    void aStoreThatCannotBeReachedIsAServiceUnavailableInTheGatewaysOwnWords() throws Exception {
        gateway.completions.failWith(new CallerStoreException(
                "cannot add up what client:cl_000000000001 spent in the database postgresql://sheepdog@db:5432/s: "
                        + "it cannot be reached"));

        HttpResponse<String> response = gateway.post(Bodies.streaming());

        assertThat(ErrorReply.of(response)).isEqualTo(
                new ErrorReply(503, "service_unavailable", null, "store_unavailable"));
        assertThat(response.body()).doesNotContain("postgresql", "CallerStoreException");
    }

    @Test
    void endsAStreamThatFailsAfterItsFirstChunkWithAnErrorEventAndNoDone() throws Exception {
        gateway.completions.answerWith(chunk("{\"n\":1}"), failed(IDLE_TIMEOUT, "The provider went quiet."));

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.response().statusCode()).isEqualTo(200);
            List<String> events = frames.remainingEvents();

            assertThat(events).hasSize(2).doesNotContain(SseFrames.DONE);
            assertThat(events.get(0)).isEqualTo("data: {\"n\":1}\n\n");
            assertThat(events.get(1)).startsWith("event: error\ndata: {\"error\":").endsWith("}\n\n");
            JsonNode error = ErrorReply.errorObject(events.get(1).substring("event: error\ndata: ".length()));
            assertThat(error.get("message").asText()).isEqualTo("The provider went quiet.");
            assertThat(error.get("type").asText()).isEqualTo("upstream_timeout");
            assertThat(error.get("param").isNull()).isTrue();
            assertThat(error.get("code").asText()).isEqualTo("idle_timeout");
        }
    }

    @Test
    void endsAStreamWhoseDomainThrowsAfterTheFirstChunkWithAnInternalErrorEvent() throws Exception {
        gateway.completions.answerWith(new CompletionStream() {
            private boolean chunkSent;

            @Override
            public Optional<CompletionEvent> poll(Duration maxWait) {
                if (chunkSent) {
                    throw new IllegalStateException("a bug in the domain");
                }
                chunkSent = true;
                return Optional.of(chunk("{\"n\":1}"));
            }

            @Override
            public void close() {
            }
        });

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            List<String> events = frames.remainingEvents();

            assertThat(events).hasSize(2).doesNotContain(SseFrames.DONE);
            assertThat(events.get(1)).startsWith("event: error\ndata: ").doesNotContain("IllegalStateException");
            JsonNode error = ErrorReply.errorObject(events.get(1).substring("event: error\ndata: ".length()));
            assertThat(error.get("code").asText()).isEqualTo("internal_error");
        }
    }

    private static CompletionFailure failure(FailureKind kind, int upstreamStatus, String upstreamCode) {
        return new CompletionFailure(kind, "What went wrong: " + kind + ".", upstreamStatus,
                Optional.ofNullable(upstreamCode), Optional.empty());
    }
}
