package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a metrics token, {@code /metrics} answers only scrapers that send it, and stops guessers. */
@Timeout(30)
class MetricsTokenTest {

    private static final String TOKEN = "metrics-token-5d2b";

    @RegisterExtension
    final RunningAdminGateway gateway = new RunningAdminGateway().withMetricsToken(TOKEN);

    @Test
    void withoutATokenConfiguredTheMetricsAreOpen() throws Exception {
        RunningAdminGateway open = new RunningAdminGateway();
        open.beforeEach(null);
        try {
            HttpResponse<String> response = open.send("GET", "/metrics", null, null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(RunningAdminGateway.METRICS);
        } finally {
            open.afterEach(null);
        }
    }

    @Test
    void aScrapeWithoutTheTokenIsRefused() throws Exception {
        HttpResponse<String> response = gateway.send("GET", "/metrics", null, null);

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(401, "authentication_error", null,
                "invalid_metrics_token"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sheepdog-metrics\"");
        assertThat(response.body()).doesNotContain("sheepdog_up");
    }

    @Test
    void aScrapeWithAWrongTokenIsRefused() throws Exception {
        HttpResponse<String> response = gateway.send("GET", "/metrics", "Bearer metrics-token-5d2c", null);

        assertThat(ErrorReply.of(response).code()).isEqualTo("invalid_metrics_token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void aScrapeWithTheTokenGetsTheMetricsAsText() throws Exception {
        HttpResponse<String> response = gateway.send("GET", "/metrics", "Bearer " + TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).isEqualTo(RunningAdminGateway.METRICS);
    }

    @Test
    void theTenthWrongTokenInAMinuteIsStillOnlyRefused() throws Exception {
        for (int attempt = 1; attempt < 10; attempt++) {
            gateway.send("GET", "/metrics", "Bearer guess-" + attempt, null);
        }

        assertThat(gateway.send("GET", "/metrics", "Bearer guess-10", null).statusCode()).isEqualTo(401);
    }

    @Test
    void afterTenWrongTokensEvenTheRightOneWaits() throws Exception {
        for (int attempt = 1; attempt <= 10; attempt++) {
            gateway.send("GET", "/metrics", "Bearer guess-" + attempt, null);
        }

        HttpResponse<String> response = gateway.send("GET", "/metrics", "Bearer " + TOKEN, null);

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(429, "rate_limit_error", null,
                "too_many_attempts"));
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(response.body()).doesNotContain("sheepdog_up");
    }
}
