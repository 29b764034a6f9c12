package dev.sheepdog.browser;

import static dev.sheepdog.browser.Chromium.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.app.PageGateway;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator's status page in headless Chromium, against a routed gateway with its admin API. */
@ExtendWith(ChromiumExtension.class)
class StatusPageTest {

    static final String TOKEN = "status-admin-token-7c41e9";
    static final Map<String, String> KEYS = Map.of("SIM_KEY_PRIMARY", "sk-sheepdog-primary-secret-0001",
            "SIM_KEY_CANARY", "sk-sheepdog-canary-secret-0002");
    static final String ROUTES = """
            endpoints:
              - id: primary
                provider: simulator
                role: primary
                keys_from_env: [SIM_KEY_PRIMARY]
              - id: canary
                provider: simulator
                role: canary
                weight: 0.3
                keys_from_env: [SIM_KEY_CANARY]
            canary:
              interval: 1s
              min_samples: 3
            """;

    static PageGateway routedGateway(SimulatorSettings simulator) {
        return PageGateway.routed(simulator, ROUTES, TOKEN, KEYS);
    }

    @Test
    void asksForTheTokenThenShowsTheEndpointsAndChartsThatMoveWithTraffic(Chromium chromium) throws Exception {
        SimulatorSettings fast = SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(30), Duration.ofMillis(2))
                .withTokensPerAnswer(20);
        try (PageGateway gateway = routedGateway(fast)) {
            StatusPage page = StatusPage.open(chromium, gateway.origin());
            assertThat(page.asksForToken()).isTrue();

            page.signIn("not-the-token");
            page.waitFor(PATIENCE, () -> !page.signInError().isEmpty());
            assertThat(page.signInError()).isEqualTo("The gateway refused this token.");
            assertThat(page.asksForToken()).isTrue();

            page.signIn(TOKEN);
            page.waitFor(PATIENCE, () -> page.endpoints().size() == 2);
            assertThat(page.tokenField()).as("the token is not left in the field").isEmpty();
            assertThat(page.storage()).as("nor kept in storage or cookies").isEqualTo("[[],[],\"\"]");
            assertThat(page.endpoints()).containsExactly("primary", "canary");
            assertThat(page.field("primary", "role")).isEqualTo("primary");
            assertThat(page.field("canary", "role")).isEqualTo("canary");
            // The simulator is behind its endpoint's circuit breaker, as every provider is.
            assertThat(page.field("primary", "breaker")).isEqualTo("breaker closed");
            assertThat(page.stat("primary", "weight")).isEqualTo("70%");
            assertThat(page.stat("canary", "weight")).isEqualTo("30%");
            StatusPage.Chart quiet = page.chart("primary", "ttft");
            assertThat(quiet.points()).as("no traffic yet, nothing plotted").isZero();

            Traffic.send(gateway.origin(), 30, "deepseek-v3.2");

            page.waitFor(PATIENCE, () -> page.chart("primary", "ttft").points() >= 2);
            StatusPage.Chart busy = page.chart("primary", "ttft");
            assertThat(busy.lines()).isNotEqualTo(quiet.lines());
            assertThat(Integer.parseInt(page.stat("primary", "requests").replace(",", ""))).isPositive();
            String spend = Api.get(gateway.origin(), "/admin/spend", TOKEN).statusCode() == 200
                    ? page.text("spend") : "";
            if (spend.isEmpty()) {
                assertThat(page.text("spend")).isEqualTo("No spend data.");
            } else {
                page.waitFor(PATIENCE, () -> page.text("spend").contains("deepseek-v3.2"));
                assertThat(page.text("spend")).contains("primary", "Total $");
            }
            assertThat(page.text("keys")).contains("primary", "canary", "active").doesNotContain("sk-");
        }
    }
}
