package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.chunk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request still open when the shutdown grace period ends is not cut off: a stream gets a typed
 * {@code server_shutting_down} error event, a request not yet answered a 503 with that code, and
 * the provider's request is closed.
 */
@Timeout(30)
class ShutdownPastGraceTest {

    private static final Duration GRACE = Duration.ofMillis(300);

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway(Duration.ofSeconds(60), GRACE);

    @Test
    void aStreamStillOpenAfterTheGracePeriodEndsWithAShuttingDownErrorEvent() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith(chunk("{\"n\":1}"));

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.nextFrame()).isEqualTo("data: {\"n\":1}\n\n");

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(gateway::stop);

            String event = frames.nextFrame();
            assertThat(event).startsWith("event: error\ndata: ");
            JsonNode error = ErrorReply.errorObject(event.substring("event: error\ndata: ".length()));
            assertThat(error.get("code").asText()).isEqualTo("server_shutting_down");
            assertThat(error.get("type").asText()).isEqualTo("service_unavailable");
            assertThat(frames.remainingEvents()).as("nothing after the error, not even [DONE]").isEmpty();
            stopped.get(10, TimeUnit.SECONDS);
        }
        assertThat(provider.closedBeforeTerminal()).isTrue();
    }

    @Test
    void aRequestNotYetAnsweredAfterTheGracePeriodGetsA503() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith();
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return gateway.post(Bodies.chat("\"stream\":false"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (gateway.completions.calls().isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }

        gateway.stop();

        HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"code\":\"server_shutting_down\"");
        assertThat(provider.closedBeforeTerminal()).isTrue();
    }
}
