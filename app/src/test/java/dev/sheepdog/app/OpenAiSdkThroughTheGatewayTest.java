package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.sheepdog.adapter.out.holysheep.fixtures.RecordedStreams;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The official SDK gets the same text through Sheepdog as straight from the provider. */
class OpenAiSdkThroughTheGatewayTest {

    @RegisterExtension
    static WireMockExtension holySheep = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void streamsTheSameTextAsADirectCallToTheProvider() {
        holySheep.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody(RecordedStreams.body("deepseek-chat_usage_on_finish_emoji.sse"))
                .withChunkedDribbleDelay(40, 200)));
        URI direct = URI.create(holySheep.baseUrl() + "/v1");

        try (RunningGateway gateway = RunningGateway.withProvider(direct, "sk-holysheep-sdk", StreamDeadlines.DEFAULT)) {
            String throughSheepdog = streamedText(gateway.baseUrl(), "sk-browser-placeholder");
            String straight = streamedText(direct, "sk-holysheep-sdk");

            assertThat(throughSheepdog).isEqualTo(straight).endsWith("😄");
        }
    }

    private static String streamedText(URI baseUrl, String apiKey) {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(baseUrl.toString()).apiKey(apiKey).build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("deepseek-v3.2").addUserMessage("Kể một câu chuyện cười").build();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            return stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse(""))
                    .collect(Collectors.joining());
        } finally {
            client.close();
        }
    }
}
