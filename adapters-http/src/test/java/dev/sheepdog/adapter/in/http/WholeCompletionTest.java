package dev.sheepdog.adapter.in.http;

import static dev.sheepdog.adapter.in.http.Events.completion;
import static dev.sheepdog.adapter.in.http.Events.end;
import static dev.sheepdog.adapter.in.http.Events.failed;
import static dev.sheepdog.adapter.in.http.Events.usageOnContentChunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.FailureKind;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code "stream": false}, or no {@code stream} at all: one JSON body, the provider's completion unchanged. */
@Timeout(20)
class WholeCompletionTest {

    private static final String COMPLETION = "{\"id\":\"chatcmpl-1\", \"object\":\"chat.completion\",\"choices\":[{"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"" + Bodies.VIETNAMESE + "\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\": {\"prompt_tokens\":9,\"completion_tokens\":12}}";

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @ParameterizedTest(name = "request fields: [{0}]")
    @ValueSource(strings = {"\"stream\":false", ""})
    void answersWithTheWholeCompletionAsOneJsonBody(String streamField) throws Exception {
        gateway.completions.answerWith(completion(COMPLETION), usageOnContentChunk(), end());

        HttpResponse<String> response = gateway.post(Bodies.chat(streamField));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(COMPLETION).contains(Bodies.VIETNAMESE);
        assertThat(gateway.completions.onlyCall().request().stream()).isFalse();
    }

    @Test
    void answersAFailureWithItsHttpStatus() throws Exception {
        gateway.completions.answerWith(failed(FailureKind.UPSTREAM_UNAVAILABLE, "Every endpoint is down."));

        HttpResponse<String> response = gateway.post(Bodies.chat("\"stream\":false"));

        assertThat(ErrorReply.of(response))
                .isEqualTo(new ErrorReply(503, "upstream_unavailable", null, "upstream_unavailable"));
        assertThat(ErrorReply.messageOf(response)).isEqualTo("Every endpoint is down.");
    }

    @Test
    void answers502WhenTheProviderEndedWithoutACompletion() throws Exception {
        gateway.completions.answerWith(end());

        HttpResponse<String> response = gateway.post(Bodies.chat("\"stream\":false"));

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(502, "upstream_error", null, "malformed_stream"));
    }

    @Test
    void closesTheCompletionStreamOnceAnswered() throws Exception {
        ScriptedCompletionStream provider = gateway.completions.answerWith(completion(COMPLETION), end());

        gateway.post(Bodies.chat(""));

        assertThat(provider.awaitClose(Duration.ofSeconds(2))).isTrue();
    }
}
