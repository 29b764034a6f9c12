package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.chunk;
import static dev.sheepdog.adapter.in.http.Events.completion;
import static dev.sheepdog.adapter.in.http.Events.end;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that closes its connection is noticed from the connection itself, within a second or
 * two, even when the gateway has nothing to write: before the first chunk, between chunks, and
 * while a {@code "stream": false} answer is being generated. A client that stays keeps its
 * connection for the next request.
 */
@Timeout(30)
class ClientDepartureTest {

    // Far longer than any wait below: no heartbeat can be what reveals the departure.
    private static final Duration HEARTBEAT = Duration.ofSeconds(60);
    // Generous against a busy machine; the departure itself is seen at once.
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway(HEARTBEAT, Duration.ofMillis(200));

    @Test
    void aStreamingClientThatLeavesBeforeTheFirstChunkIsNoticedWithoutAnyWrite() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith();

        try (RawHttpConnection client = RawHttpConnection.open(gateway.port())) {
            client.post(fixedLength(Bodies.streaming()), Bodies.streaming().getBytes(UTF_8));
            awaitCall();
        }

        assertThat(provider.awaitClose(PROMPTLY)).as("stream closed within %s", PROMPTLY).isTrue();
        assertThat(provider.closedBeforeTerminal()).isTrue();
    }

    @Test
    void aStreamingClientThatLeavesBetweenChunksIsNoticedBeforeTheNextHeartbeat() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith(chunk("{\"n\":1}"));

        try (RawHttpConnection client = RawHttpConnection.open(gateway.port())) {
            client.post(fixedLength(Bodies.streaming()), Bodies.streaming().getBytes(UTF_8));
            client.readUntil("data: {\"n\":1}\n\n");
        }

        assertThat(provider.awaitClose(PROMPTLY)).as("stream closed within %s", PROMPTLY).isTrue();
        assertThat(provider.closedBeforeTerminal()).isTrue();
    }

    @Test
    void aNonStreamingClientThatLeavesCancelsItsCompletion() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith();
        String body = Bodies.chat("\"stream\":false");

        try (RawHttpConnection client = RawHttpConnection.open(gateway.port())) {
            client.post(fixedLength(body), body.getBytes(UTF_8));
            awaitCall();
        }

        assertThat(provider.awaitClose(PROMPTLY)).as("completion cancelled within %s", PROMPTLY).isTrue();
        assertThat(provider.closedBeforeTerminal()).isTrue();
    }

    @Test
    void aClientThatSendsItsNextRequestWhileWaitingIsNotTakenForGoneAndGetsBothAnswers() throws Exception {
        String body = Bodies.chat("\"stream\":false");
        String request = "POST " + CompletionRoutes.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\n" + fixedLength(body) + "\r\n" + body;
        ScriptedCompletionStream first = gateway.completions.answerWith();
        gateway.completions.answerWith(completion("{\"n\":2}"), end());

        try (RawHttpConnection client = RawHttpConnection.open(gateway.port())) {
            client.send(request.getBytes(UTF_8));
            awaitCall();
            // Pipelined: these bytes arrive while the first request is still being answered.
            client.send(request.getBytes(UTF_8));
            Thread.sleep(200);
            first.emit(completion("{\"n\":1}")).emit(end());

            String received = client.readUntil("{\"n\":2}");
            assertThat(received).startsWith("HTTP/1.1 200").contains("{\"n\":1}");
            assertThat(first.closedBeforeTerminal()).isFalse();
        }
    }

    @Test
    void endingTheWatchWhenAResponseCompletesCostsNoStackTrace() {
        assertThat(ClientDeparture.responseComplete().getStackTrace()).isEmpty();
        assertThat(ClientDeparture.responseComplete()).isNotSameAs(ClientDeparture.responseComplete())
                .hasMessage("the response is complete");
    }

    private void awaitCall() throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (gateway.completions.calls().isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertThat(gateway.completions.calls()).as("the gateway asked the provider").isNotEmpty();
    }

    private static String fixedLength(String body) {
        return "Content-Length: " + body.getBytes(UTF_8).length + "\r\n";
    }
}
