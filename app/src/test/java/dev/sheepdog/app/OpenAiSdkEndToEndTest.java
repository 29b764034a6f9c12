package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.sheepdog.domain.model.ChatMessage;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Role;
import dev.sheepdog.domain.model.ApiKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI SDK, pointed at Sheepdog by its base URL alone, gets the simulator's answer. */
class OpenAiSdkEndToEndTest {

    private static final String PROMPT = "Viết đoạn mở đầu cho bài blog về cà phê Việt Nam";
    private static final String MODEL = "deepseek-v3.2";

    private RunningGateway gateway;
    private OpenAIClient client;

    @BeforeEach
    void start() {
        gateway = RunningGateway.offline();
        client = OpenAIOkHttpClient.builder()
                .baseUrl(gateway.baseUrl().toString())
                .apiKey("sk-the-browser-never-holds-a-real-key")
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        gateway.close();
    }

    @Test
    void streamsTheSimulatorsFullTextToTheOfficialSdk() {
        String streamed;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params())) {
            streamed = stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse(""))
                    .collect(Collectors.joining());
        }
        assertThat(streamed).isEqualTo(simulatorText()).contains("Việt").hasSizeGreaterThan(300);
    }

    @Test
    void answersWithoutStreamingToTheOfficialSdk() {
        ChatCompletion completion = client.chat().completions().create(params());

        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().getFirst().message().content()).contains(simulatorText());
        assertThat(completion.usage()).hasValueSatisfying(usage -> assertThat(usage.completionTokens()).isPositive());
    }

    private static ChatCompletionCreateParams params() {
        return ChatCompletionCreateParams.builder().model(MODEL).addUserMessage(PROMPT).build();
    }

    /** What the simulator answers to the same conversation, read from it directly. */
    private String simulatorText() {
        ChatMessage message = new ChatMessage(Role.USER, PROMPT);
        CompletionRequest request = CompletionRequest.streaming(MODEL, List.of(message));
        StringBuilder text = new StringBuilder();
        try (CompletionStream stream = gateway.simulator().open(null, ApiKey.NONE, request)) {
            while (true) {
                Optional<CompletionEvent> event = stream.poll(Duration.ofSeconds(5));
                if (event.isEmpty() || event.get().terminal()) {
                    return text.toString();
                }
                if (event.get() instanceof CompletionEvent.Chunk chunk) {
                    text.append(chunk.text());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
