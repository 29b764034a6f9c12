package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client key's limits and budget, held under concurrent requests through the whole gateway. */
@Timeout(120)
class CallerLimitsEndToEndTest {

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aHundredConcurrentRequestsAgainstTwentyAMinuteGiveExactlyTwentyAnswers() throws Exception {
        CallerGateway.answerWithUsage(provider, 12, 3);
        try (CallerGateway gateway = CallerGateway.startWithTimeStandingStill(
                CallerGateway.config(provider, AccessConfig.DEFAULT))) {
            String secret = gateway.addClient("{\"name\":\"burst\",\"rpm\":20}").path("secret").asText();

            List<HttpResponse<String>> answers = Together.run(100, () -> gateway.completeWithKey(secret));

            assertThat(answers.stream().filter(answer -> answer.statusCode() == 200)).hasSize(20);
            assertThat(answers.stream().filter(answer -> answer.statusCode() == 429)
                    .map(CallerGateway::errorCode)).hasSize(80).containsOnly("rate_limited");
            provider.verify(20, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        }
    }

    @Test
    void aBudgetIsOverrunByAtMostTheRequestsInFlightWhenItIsCrossed() throws Exception {
        // 10,000 + 10,000 tokens of deepseek-v3.2: $0.0028 + $0.0042 = $0.007 a request.
        CallerGateway.answerWithUsage(provider, 10_000, 10_000);
        try (CallerGateway gateway = CallerGateway.start(CallerGateway.config(provider, AccessConfig.DEFAULT))) {
            JsonNode client = gateway.addClient("{\"name\":\"budgeted\",\"daily_usd\":0.01}");
            String secret = client.path("secret").asText();

            List<HttpResponse<String>> burst = Together.run(8, () -> gateway.completeWithKey(secret));
            long admitted = burst.stream().filter(answer -> answer.statusCode() == 200).count();
            HttpResponse<String> after = gateway.completeWithKey(secret);

            assertThat(after.statusCode()).isEqualTo(429);
            assertThat(CallerGateway.errorCode(after)).isEqualTo("budget_exceeded");
            assertThat(after.headers().firstValue("Retry-After")).isPresent();
            BigDecimal spent = new BigDecimal(gateway.admin("GET", "/admin/clients/" + client.path("id").asText(), null)
                    .body().replaceAll(".*\"spent_today_usd\":([0-9.E-]+).*", "$1"));
            assertThat(spent).isEqualByComparingTo(new BigDecimal("0.007").multiply(BigDecimal.valueOf(admitted)));
            assertThat(admitted).as("every request of the burst was in flight when the budget was crossed")
                    .isBetween(2L, 8L);
        }
    }

    @Test
    void aSequenceOfRequestsStopsAtTheFirstOneAfterTheBudgetIsCrossed() {
        CallerGateway.answerWithUsage(provider, 10_000, 10_000);
        try (CallerGateway gateway = CallerGateway.start(CallerGateway.config(provider, AccessConfig.DEFAULT))) {
            String secret = gateway.addClient("{\"name\":\"budgeted\",\"daily_usd\":\"0.01\"}").path("secret").asText();

            assertThat(gateway.completeWithKey(secret).statusCode()).isEqualTo(200);
            assertThat(gateway.completeWithKey(secret).statusCode()).isEqualTo(200);
            assertThat(gateway.completeWithKey(secret).statusCode()).isEqualTo(429);
        }
    }
}
