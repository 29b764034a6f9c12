package dev.sheepdog.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RawJson;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whatever a provider wrote, the key (whole or without its prefix) and credential-shaped tokens come out. */
class RedactionTest {

    static final ApiKey KEY = ApiKey.of("sk-proj-Q7mZ2xR9vK4tL8wP3nB6");
    private final Redaction redaction = Redaction.of(KEY);

    @Test
    void replacesTheKeyWithItsFingerprint() {
        assertThat(redaction.text("Incorrect API key provided: " + KEY.reveal() + "."))
                .isEqualTo("Incorrect API key provided: [key " + KEY.fingerprint() + "].");
    }

    @Test
    void removesTheKeyWithoutItsPrefix() {
        assertThat(redaction.text("key proj-Q7mZ2xR9vK4tL8wP3nB6 and Q7mZ2xR9vK4tL8wP3nB6"))
                .doesNotContain("Q7mZ2xR9vK4tL8wP3nB6");
    }

    @Test
    void removesBearerTokensAndOtherKeysOfTheSameShape() {
        String text = redaction.text("sent Authorization: Bearer abc.DEF-123_456 with sk-or-v1-0123456789abcdef "
                + "and gsk_ABCDEFGHIJKLMNOP but kept task-0123456789abcdef");
        assertThat(text).doesNotContain("abc.DEF-123_456", "sk-or-v1-0123456789abcdef", "gsk_ABCDEFGHIJKLMNOP")
                .contains("Bearer [redacted]", "task-0123456789abcdef");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(redaction.text("The model `gpt-5.2-proo` does not exist.")).isEqualTo(
                "The model `gpt-5.2-proo` does not exist.");
        assertThat(Redaction.of(ApiKey.NONE).text("anything")).isEqualTo("anything");
    }

    @Test
    void scrubsEveryStringOfAFailureMessageCodeAndProviderObjectNamesIncluded() {
        String key = KEY.reveal();
        CompletionFailure dirty = new CompletionFailure(FailureKind.INVALID_REQUEST, "bad " + key, 400,
                Optional.of(key), Optional.empty(), Optional.of(new RawJson("{\"code\":\"" + key + "\",\"extra\":{\""
                        + key + "\":[\"x " + key + "\"]}}")));

        CompletionFailure clean = redaction.failure(dirty);

        assertThat(clean.message() + clean.upstreamCode().orElseThrow() + clean.providerError().orElseThrow())
                .doesNotContain("Q7mZ2xR9vK4tL8wP3nB6");
        assertThat(clean.providerError().orElseThrow().text()).startsWith("{\"code\":\"[key ");
        assertThat(clean.kind()).isEqualTo(dirty.kind());
        assertThat(clean.upstreamStatus()).isEqualTo(400);
    }
}
