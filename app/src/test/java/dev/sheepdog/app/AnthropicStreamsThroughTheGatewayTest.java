package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.SseException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded Anthropic stream, served by a scripted Anthropic API whole and in random 1-9 byte
 * pieces, goes through the whole running gateway (an endpoint with {@code provider: anthropic}) to the
 * official openai-java client, which reconstructs exactly what the fixtures' EXPECTED.json says:
 * content, reasoning, tool calls, finish reason and usage in OpenAI's meaning; a mid-stream
 * {@code overloaded_error} reaches the client as a typed SSE error.
 */
class AnthropicStreamsThroughTheGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AnthropicUpstream anthropic;
    private static RoutedGateway gateway;

    @BeforeAll
    static void start() {
        anthropic = new AnthropicUpstream();
        gateway = RoutedGateway.start("""
                endpoints:
                  - id: claude
                    provider: anthropic
                    base_url: %s
                    role: primary
                    keys_from_env: [ANTHROPIC_API_KEY]
                """.formatted(anthropic.baseUrl()), RunningGateway.freshDataDir(),
                Map.of("ANTHROPIC_API_KEY", AnthropicUpstream.KEY));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        anthropic.close();
    }

    static Stream<Arguments> streams() {
        List<Arguments> cases = new ArrayList<>();
        expected().fieldNames().forEachRemaining(name -> {
            cases.add(Arguments.of(name, false));
            cases.add(Arguments.of(name, true));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, in pieces: {1}")
    @MethodSource("streams")
    void theOpenAiClientReconstructsWhatAnthropicSent(String name, boolean inPieces) {
        anthropic.serve(fixture(name), inPieces);
        JsonNode expected = expected().get(name);

        Reconstruction received = stream();

        assertThat(received.content.toString()).isEqualTo(expected.get("content").asText());
        assertThat(received.reasoning.toString()).isEqualTo(expected.get("reasoning").asText());
        assertThat(received.toolCalls()).isEqualTo(expected.get("tool_calls"));
        if (expected.get("errors").isEmpty()) {
            assertThat(received.error).isNull();
            assertThat(received.finishReason).isEqualTo(expected.get("finish_reason").asText(null));
            // compared as JSON text: the client's counts are longs, the file's small ints
            assertThat(received.usage().toString()).isEqualTo(expected.get("usage").toString());
        } else {
            assertThat(received.finishReason).isNull();
            assertThat(received.error).as("a mid-stream error is a typed SSE error").isNotNull();
            String error = String.valueOf(received.error.body());
            assertThat(error).contains("upstream_unavailable").contains("overloaded_error").contains("Overloaded");
        }
    }

    private static Reconstruction stream() {
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl().toString())
                .apiKey("sk-browser-placeholder").build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("claude-haiku-4-5")
                .addUserMessage("Xin chào")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        Reconstruction reconstruction = new Reconstruction();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
            reconstruction.error = catchThrowableOfType(SseException.class, () -> chunks.forEachRemaining(reconstruction::add));
        } finally {
            client.close();
        }
        return reconstruction;
    }

    /** What an OpenAI client makes of the chunks, in the terms of the fixtures' EXPECTED.json. */
    private static final class Reconstruction {
        final StringBuilder content = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        final Map<Long, ObjectNode> calls = new TreeMap<>();
        String finishReason;
        CompletionUsage usage;
        SseException error;

        void add(ChatCompletionChunk chunk) {
            chunk.usage().ifPresent(reported -> usage = reported);
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                ChatCompletionChunk.Choice.Delta delta = choice.delta();
                delta.content().ifPresent(content::append);
                text(delta._additionalProperties().get("reasoning_content")).ifPresent(reasoning::append);
                delta.toolCalls().ifPresent(pieces -> pieces.forEach(this::addToolCall));
                choice.finishReason().ifPresent(reason -> finishReason = reason.asString());
            }
        }

        private void addToolCall(ChatCompletionChunk.Choice.Delta.ToolCall piece) {
            ObjectNode call = calls.computeIfAbsent(piece.index(), index -> JSON.createObjectNode()
                    .put("id", "").put("name", "").put("arguments", ""));
            piece.id().ifPresent(id -> call.put("id", id));
            piece.function().ifPresent(function -> {
                function.name().ifPresent(name -> call.put("name", name));
                function.arguments().ifPresent(arguments -> call.put("arguments",
                        call.get("arguments").asText() + arguments));
            });
        }

        JsonNode toolCalls() {
            return JSON.valueToTree(calls.values());
        }

        JsonNode usage() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("prompt_tokens", usage.promptTokens());
            node.put("completion_tokens", usage.completionTokens());
            node.put("cached_tokens", usage.promptTokensDetails().flatMap(details -> details.cachedTokens()).orElse(0L));
            JsonValue written = usage._additionalProperties().get("cache_creation_input_tokens");
            node.put("cache_creation_input_tokens", written == null ? 0 : written.convert(Long.class));
            return node;
        }

        private static Optional<String> text(JsonValue value) {
            return value == null ? Optional.empty() : Optional.ofNullable(value.convert(String.class));
        }
    }

    private static JsonNode expected() {
        try {
            return JSON.readTree(fixture("EXPECTED.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] fixture(String name) {
        try (InputStream in = AnthropicStreamsThroughTheGatewayTest.class.getResourceAsStream(
                "/streams-anthropic/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no recorded stream " + name + " on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
