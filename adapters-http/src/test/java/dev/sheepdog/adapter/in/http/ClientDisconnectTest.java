package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.chunk;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that leaves makes the gateway close the completion stream, which cancels the provider's
 * request. The gateway notices at its next write, so a silent provider is noticed by a heartbeat.
 */
@Timeout(20)
class ClientDisconnectTest {

    // Generous against a busy machine: a heartbeat is 100 ms.
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void closesTheCompletionStreamWhenTheClientLeavesMidStream() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith(chunk("{\"n\":1}"));

        try (RawHttpConnection client = RawHttpConnection.open(gateway.port())) {
            client.post(fixedLength(Bodies.streaming()), Bodies.streaming().getBytes(UTF_8));
            client.readUntil("data: {\"n\":1}\n\n");
        }

        assertThat(provider.awaitClose(PROMPTLY)).as("stream closed within %s", PROMPTLY).isTrue();
        assertThat(provider.closedBeforeTerminal()).isTrue();
    }

    @Test
    void closesTheCompletionStreamWhenTheClientLeavesBeforeTheFirstChunk() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith();

        try (RawHttpConnection client = RawHttpConnection.open(gateway.port())) {
            client.post(fixedLength(Bodies.streaming()), Bodies.streaming().getBytes(UTF_8));
            client.readUntil(SseFrames.PING);
        }

        assertThat(provider.awaitClose(PROMPTLY)).as("stream closed within %s", PROMPTLY).isTrue();
        assertThat(provider.closedBeforeTerminal()).isTrue();
    }

    @Test
    void stillServesTheNextClientAfterOneLeft() throws Exception {
        ScriptedCompletionStream left = gateway.completions.answerWith(chunk("{\"n\":1}"));
        try (RawHttpConnection client = RawHttpConnection.open(gateway.port())) {
            client.post(fixedLength(Bodies.streaming()), Bodies.streaming().getBytes(UTF_8));
            client.readUntil("data: {\"n\":1}\n\n");
        }
        assertThat(left.awaitClose(PROMPTLY)).isTrue();

        gateway.completions.answerWith(chunk("{\"n\":2}"), Events.end());
        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.remainingEvents()).containsExactly("data: {\"n\":2}\n\n", SseFrames.DONE);
        }
    }

    private static String fixedLength(String body) {
        return "Content-Length: " + body.getBytes(UTF_8).length + "\r\n";
    }
}
