package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One route, two wire formats: an OpenAI-compatible primary and an Anthropic standby. While the
 * primary fails before its first token, the client gets Anthropic's answer in OpenAI's format; when
 * the primary answers again, it serves again.
 */
class FailoverBetweenWireFormatsTest {

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String ANTHROPIC_ANSWER = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],\
            "model":"claude-haiku-4-5","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":9,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Chào từ Claude"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":4}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    private AnthropicUpstream anthropic;
    private RoutedGateway gateway;

    @BeforeEach
    void start() {
        anthropic = new AnthropicUpstream();
        anthropic.serve(ANTHROPIC_ANSWER.getBytes(StandardCharsets.UTF_8), false);
        gateway = RoutedGateway.start("""
                endpoints:
                  - id: holysheep
                    provider: openai
                    base_url: %s/v1
                    role: primary
                    keys_from_env: [HOLYSHEEP_API_KEY]
                  - id: claude
                    provider: anthropic
                    base_url: %s
                    role: standby
                    keys_from_env: [ANTHROPIC_API_KEY]
                """.formatted(openAi.baseUrl(), anthropic.baseUrl()), RunningGateway.freshDataDir(),
                Map.of("HOLYSHEEP_API_KEY", "sk-holysheep-primary", "ANTHROPIC_API_KEY", AnthropicUpstream.KEY));
    }

    @AfterEach
    void stop() {
        gateway.close();
        anthropic.close();
    }

    @Test
    void aFailingOpenAiPrimaryFallsBackToAnthropicAndBack() throws Exception {
        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\"}}")));

        assertThat(gateway.complete("alice")).isEqualTo("Chào từ Claude");
        assertThat(anthropic.messageRequests()).isEqualTo(1);
        openAi.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));

        openAi.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"role\":\"assistant\",\"content\":\"Chào từ HolySheep\"},\"finish_reason\":\"stop\"}]}"
                        + "\n\ndata: [DONE]\n\n")));

        assertThat(gateway.complete("alice")).isEqualTo("Chào từ HolySheep");
        assertThat(anthropic.messageRequests()).as("the standby is no longer asked").isEqualTo(1);
    }
}
