package dev.sheepdog.upstream.simulated;

import static dev.sheepdog.upstream.simulated.SimulatedUpstreamRoutesTest.assertOpenAiError;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.CLIENT;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.INSTANT;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.body;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.chunks;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.json;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.post;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.send;
import static dev.sheepdog.upstream.simulated.UpstreamFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.adapter.out.simulator.SimulatorFaults;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault behaves on the wire as its name says, as a client of a real provider would see it. */
class SimulatedUpstreamFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration SILENCE = Duration.ofMillis(400);

    private SimulatedUpstreamServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersAFailingStatusWithAnOpenAiErrorAndRetryAfterForARateLimit() throws Exception {
        server = start(SimulatorFaults.NONE.failing(429, 1.0));

        HttpResponse<String> response = send(post(server, body(true, "")));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        assertThat(response.headers().firstValue("retry-after-ms")).contains("2000");
        assertOpenAiError(response.body(), "simulated_429");
        assertThat(json(response.body()).at("/error/type").asText()).isEqualTo("requests");
    }

    @Test
    void answersA503WithoutRetryAfterAndNeverAtARateOfZero() throws Exception {
        server = start(SimulatorFaults.NONE.failing(503, 1.0));
        HttpResponse<String> failing = send(post(server, body(false, "")));
        server.close();
        server = start(SimulatorFaults.NONE.failing(503, 0.0));

        assertThat(failing.statusCode()).isEqualTo(503);
        assertThat(failing.headers().firstValue("Retry-After")).isEmpty();
        assertOpenAiError(failing.body(), "simulated_503");
        assertThat(send(post(server, body(false, ""))).statusCode()).isEqualTo(200);
    }

    @Test
    void stallsAfterTheGivenTokensWithTheConnectionStillOpen() throws Exception {
        server = start(SimulatorFaults.NONE.stallingAfter(2));

        try (SseReader sse = stream(post(server, body(true, "")))) {
            assertThat(sse.next(WAIT).orElseThrow().text()).startsWith("data: ");
            assertThat(sse.next(WAIT).orElseThrow().text()).isEmpty();
            assertThat(sse.next(WAIT).orElseThrow().text()).startsWith("data: ");
            assertThat(sse.next(WAIT).orElseThrow().text()).isEmpty();

            assertThat(sse.next(SILENCE)).as("no more data, and no end of body").isEmpty();
            assertThat(server.activity().openedStreams() - server.activity().completedStreams()
                    - server.activity().cancelledStreams()).as("the stream is still open").isEqualTo(1);
        }
    }

    @Test
    void cutsTheConnectionAfterTheGivenTokensSoTheClientSeesABrokenBody() throws Exception {
        // Paced, so the client has read the three tokens before the cut reaches it: the JDK client
        // drops what it has not handed out yet when the connection breaks.
        server = UpstreamFixtures.start(INSTANT.withDelays(Duration.ZERO, Duration.ofMillis(100))
                .withFaults(SimulatorFaults.NONE.cuttingAfter(3)));

        try (SseReader sse = stream(post(server, body(true, "")))) {
            List<SseReader.Line> lines = sse.untilEnd(WAIT);

            assertThat(chunks(lines)).hasSize(3);
            assertThat(lines.getLast().failure()).as("a premature end, not a clean end of body")
                    .isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> send(post(server, body(true, "")))).isInstanceOf(IOException.class);
    }

    @Test
    void cutsTheConnectionWithoutTheLastChunkOfTheChunkedBody() throws Exception {
        server = start(SimulatorFaults.NONE.cuttingAfter(3));

        String wire = RawHttp.exchange(server.port(), body(true, ""));

        assertThat(wire).startsWith("HTTP/1.1 200").containsIgnoringCase("Transfer-encoding: chunked");
        assertThat(wire.split("data: \\{", -1)).as("three chunk events, then nothing").hasSize(4);
        assertThat(wire).endsWith("\n\n\r\n").doesNotContain("\r\n0\r\n\r\n").doesNotContain("[DONE]");
    }

    @Test
    void sendsALineThatIsNotJsonAfterTheGivenTokensThenEnds() throws Exception {
        server = start(SimulatorFaults.NONE.malformedAfter(1));

        HttpResponse<String> response = send(post(server, body(true, "")));

        assertThat(response.body()).endsWith("\n\ndata: {\"choices\": [tru\n\n").doesNotContain("[DONE]");
        assertThat(response.body().split("\n\n")).hasSize(2);
    }

    @Test
    void sendsAnErrorEventAfterTheGivenTokensAndNoDone() throws Exception {
        server = start(SimulatorFaults.NONE.erroringAfter(2));

        HttpResponse<String> response = send(post(server, body(true, "")));

        String[] events = response.body().split("\n\n");
        assertThat(events).hasSize(3);
        assertThat(events[2]).startsWith("event: error\ndata: {\"error\":");
        assertOpenAiError(events[2].substring(events[2].indexOf('{')), "simulated_error");
        assertThat(response.body()).doesNotContain("[DONE]");
    }

    @Test
    void hangsWithoutSendingEvenTheHeaders() throws Exception {
        server = start(SimulatorFaults.NONE.hanging());

        CompletableFuture<HttpResponse<String>> response =
                CLIENT.sendAsync(post(server, body(true, "")), HttpResponse.BodyHandlers.ofString());

        assertThatThrownBy(() -> response.get(SILENCE.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(TimeoutException.class);
        assertThat(server.activity().openedStreams()).as("the request was accepted").isEqualTo(1);

        server.close();
        assertThat(response).as("stopping the server drops the hanging request at once")
                .failsWithin(WAIT).withThrowableThat().withCauseInstanceOf(IOException.class);
    }

    @Test
    void sendsKeepAliveCommentsWhileWaitingForTheFirstTokenAndBetweenTokens() throws Exception {
        server = UpstreamFixtures.start(INSTANT.withDelays(Duration.ofMillis(250), Duration.ofMillis(150))
                .withTokensPerAnswer(2).withFaults(SimulatorFaults.NONE.keepingAliveEvery(Duration.ofMillis(40))));

        try (SseReader sse = stream(post(server, body(true, "")))) {
            List<String> lines = sse.untilEnd(WAIT).stream().filter(line -> !line.end())
                    .map(SseReader.Line::text).filter(text -> !text.isEmpty()).toList();
            List<Integer> tokens = IntStream.range(0, lines.size())
                    .filter(i -> lines.get(i).startsWith("data: {")).boxed().toList();

            assertThat(lines.subList(0, tokens.get(0))).as("before the first token")
                    .hasSizeGreaterThanOrEqualTo(2).containsOnly(": keep-alive");
            assertThat(lines.subList(tokens.get(0) + 1, tokens.get(1))).as("between the two tokens")
                    .isNotEmpty().containsOnly(": keep-alive");
            assertThat(lines.getLast()).isEqualTo("data: [DONE]");
        }
    }

    private static SimulatedUpstreamServer start(SimulatorFaults faults) throws IOException {
        return UpstreamFixtures.start(INSTANT.withFaults(faults));
    }
}
