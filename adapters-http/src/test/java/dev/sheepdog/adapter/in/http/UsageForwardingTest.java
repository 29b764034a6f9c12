package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.chunk;
import static dev.sheepdog.adapter.in.http.Events.end;
import static dev.sheepdog.adapter.in.http.Events.usageOnContentChunk;
import static dev.sheepdog.adapter.in.http.Events.usageOnlyChunk;
import static dev.sheepdog.adapter.in.http.SseFrames.DONE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sheepdog always asks the provider for usage; a client sees the usage chunk only if it asked too. */
@Timeout(20)
class UsageForwardingTest {

    private static final String CONTENT = "{\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}";
    private static final String USAGE = "{\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12}}";

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void forwardsTheUsageOnlyChunkToAClientThatAskedForUsage() throws Exception {
        gateway.completions.answerWith(chunk(CONTENT), usageOnlyChunk(USAGE), end());

        try (SseFrames frames = gateway.openStream(
                Bodies.chat("\"stream\":true,\"stream_options\":{\"include_usage\":true}"))) {
            assertThat(frames.remainingEvents())
                    .containsExactly("data: " + CONTENT + "\n\n", "data: " + USAGE + "\n\n", DONE);
        }
    }

    @ParameterizedTest(name = "stream_options: {0}")
    @ValueSource(strings = {"", ",\"stream_options\":{}", ",\"stream_options\":{\"include_usage\":false}",
            ",\"stream_options\":null"})
    void neverForwardsTheUsageChunkToAClientThatDidNotAskForIt(String streamOptions) throws Exception {
        gateway.completions.answerWith(chunk(CONTENT), usageOnlyChunk(USAGE), end());

        try (SseFrames frames = gateway.openStream(Bodies.chat("\"stream\":true" + streamOptions))) {
            assertThat(frames.remainingEvents()).containsExactly("data: " + CONTENT + "\n\n", DONE);
        }
    }

    @Test
    void sendsNothingExtraWhenUsageRodeOnAContentChunk() throws Exception {
        gateway.completions.answerWith(chunk(CONTENT), usageOnContentChunk(), end());

        try (SseFrames frames = gateway.openStream(
                Bodies.chat("\"stream\":true,\"stream_options\":{\"include_usage\":true}"))) {
            assertThat(frames.remainingEvents()).containsExactly("data: " + CONTENT + "\n\n", DONE);
        }
    }
}
