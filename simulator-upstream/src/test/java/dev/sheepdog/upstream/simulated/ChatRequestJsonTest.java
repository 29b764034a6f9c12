package dev.sheepdog.upstream.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request bodies are read into the domain's request the way the simulator needs them, or refused with a reason. */
class ChatRequestJsonTest {

    @Test
    void readsTheTypedFieldsAndKeepsTheOthersAsRawJson() throws InvalidRequestException {
        CompletionRequest request = read("""
                {"model": "gpt-4.1", "stream": true, "stream_options": {"include_usage": true}, "max_tokens": 12,
                 "temperature": 0.5, "user": "u-1", "seed": 42, "tools": [{"type": "function"}],
                 "messages": [{"role": "system", "content": "Be brief."},
                              {"role": "user", "content": [{"type": "text", "text": "Viết "},
                                                           {"type": "image_url", "image_url": {"url": "x"}},
                                                           {"type": "text", "text": "về cà phê"}]}]}""");

        assertThat(request.model()).isEqualTo("gpt-4.1");
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.maxTokens()).hasValue(12);
        assertThat(request.temperature()).hasValue(0.5);
        assertThat(request.user()).contains("u-1");
        assertThat(request.messages()).extracting(message -> message.role()).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(request.lastUserText()).contains("Viết về cà phê");
        assertThat(request.otherFields()).containsOnlyKeys("seed", "tools").containsEntry("seed", new RawJson("42"));
    }

    @Test
    void takesMaxCompletionTokensForMaxTokensAndDefaultsToNotStreaming() throws InvalidRequestException {
        CompletionRequest request = read("""
                {"model": "gpt-4.1", "max_completion_tokens": 7, "messages": [{"role": "user", "content": "hi"}]}""");

        assertThat(request.maxTokens()).hasValue(7);
        assertThat(request.stream()).isFalse();
        assertThat(request.includeUsage()).isFalse();
        assertThat(request.otherFields()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"model\": | invalid_json | ",
        "[1, 2] | invalid_type | ",
        "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]} | invalid_type | model",
        "{\"model\": \"m\", \"messages\": []} | invalid_type | messages",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"robot\"}]} | invalid_value | messages[0].role",
        "{\"model\": \"m\", \"max_tokens\": 0, \"messages\": [{\"role\": \"user\"}]} | invalid_value | max_tokens",
        "{\"model\": \"m\", \"stream\": \"yes\", \"messages\": [{\"role\": \"user\"}]} | invalid_type | stream"})
    void refusesABodyItCannotReadNamingWhatIsWrong(String body, String code, String param) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.error().status()).isEqualTo(400);
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.error().param()).isEqualTo(param);
        });
    }

    private static CompletionRequest read(String body) throws InvalidRequestException {
        return ChatRequestJson.read(body.getBytes(StandardCharsets.UTF_8));
    }
}
