package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.chunk;
import static dev.sheepdog.adapter.in.http.Events.end;
import static dev.sheepdog.adapter.in.http.Events.failed;
import static dev.sheepdog.adapter.in.http.SseFrames.DONE;
import static dev.sheepdog.adapter.in.http.SseFrames.PING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(20)
class HeartbeatTest {

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void sendsPingCommentsWhileTheProviderIsSilentBetweenChunks() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith(chunk("{\"n\":1}"));

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.nextFrame()).isEqualTo("data: {\"n\":1}\n\n");
            assertThat(frames.nextFrame()).isEqualTo(PING);
            assertThat(frames.nextFrame()).isEqualTo(PING);

            provider.emit(chunk("{\"n\":2}")).emit(end());

            assertThat(frames.remainingEvents()).containsExactly("data: {\"n\":2}\n\n", DONE);
        }
    }

    @Test
    void sendsPingCommentsWhileWaitingForTheFirstChunk() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith();

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.nextFrame()).isEqualTo(PING);
            assertThat(frames.response().statusCode()).isEqualTo(200);

            provider.emit(chunk("{\"n\":1}")).emit(end());

            assertThat(frames.remainingEvents()).containsExactly("data: {\"n\":1}\n\n", DONE);
        }
    }

    // A heartbeat commits the 200: a failure after it can only be told as an SSE error event.
    @Test
    void reportsAFailureAfterAHeartbeatAsAnErrorEvent() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith();

        try (SseFrames frames = gateway.openStream(Bodies.streaming())) {
            assertThat(frames.nextFrame()).isEqualTo(PING);

            provider.emit(failed(FailureKind.FIRST_TOKEN_TIMEOUT, "No token within 60 s."));

            assertThat(frames.response().statusCode()).isEqualTo(200);
            assertThat(frames.remainingEvents()).singleElement().asString()
                    .startsWith("event: error\ndata: {\"error\":").contains("\"code\":\"first_token_timeout\"");
        }
    }
}
