package dev.sheepdog.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error bodies in the shapes providers share: the code is error.code, or else error.type. */
class ProviderFailuresTest {

    private static final HttpHeaders NONE = HttpHeaders.of(Map.of(), (name, value) -> true);

    @Test
    void anOverloadedAnthropicAnswerIsRetryableWithItsErrorTypeAsCode() {
        CompletionFailure failure = fromStatus(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                + "\"message\":\"Overloaded\"}}");

        assertThat(failure.kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.upstreamCode()).contains("overloaded_error");
        assertThat(failure.providerError().orElseThrow().text()).contains("Overloaded");
    }

    @Test
    void theCodeWinsOverTheTypeWhenBothAreThere() {
        CompletionFailure failure = fromStatus(404, "{\"error\":{\"code\":\"model_not_found\","
                + "\"type\":\"invalid_request_error\",\"message\":\"no such model\"}}");

        assertThat(failure.upstreamCode()).contains("model_not_found");
        assertThat(failure.message()).isEqualTo("no such model");
    }

    @Test
    void aRetryAfterOnA429IsKept() {
        HttpHeaders headers = HttpHeaders.of(Map.of("retry-after", List.of("7")), (name, value) -> true);

        CompletionFailure failure = ProviderFailures.fromStatus(429, headers, new byte[0], Instant.EPOCH);

        assertThat(failure.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure.retryAfter()).hasValueSatisfying(wait -> assertThat(wait.toSeconds()).isEqualTo(7));
    }

    private static CompletionFailure fromStatus(int status, String body) {
        return ProviderFailures.fromStatus(status, NONE, body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    }
}
