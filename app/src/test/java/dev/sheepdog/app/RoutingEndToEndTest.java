package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Routing through the running gateway, its configuration file, its stores and two providers over HTTP. */
class RoutingEndToEndTest {

    @RegisterExtension
    static WireMockExtension primary = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(64)).build();

    @RegisterExtension
    static WireMockExtension canary = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()
            .containerThreads(64)).build();

    @Test
    void aPrimaryAnswering503BeforeItsFirstTokenIsNeverSeenByTheClient() throws Exception {
        primary.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(503)));
        canary.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer(canary, "from-canary", 0)));

        try (RoutedGateway gateway = RoutedGateway.start(yaml(0.0, "interval: 1h"), RunningGateway.freshDataDir())) {
            assertThat(gateway.complete("writer-1")).isEqualTo("from-canary");
        }
        primary.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aHealthyCanaryClimbsToTheWholeShareAndIsPromoted() throws Exception {
        stub(primary, "p", 20);
        stub(canary, "c", 20);
        try (RoutedGateway gateway = RoutedGateway.start(yaml(0.2, "interval: 300ms\n  step: 0.4\n  healthy_to_step: 1\n"
                + "  min_samples: 3\n  p95_tolerance: 3.0\n  rollback_factor: 6.0"), RunningGateway.freshDataDir())) {
            driveTrafficUntil(gateway, () -> gateway.roleOf("canary").equals("primary"));

            JsonNode traffic = gateway.traffic();
            assertThat(gateway.roleOf("primary")).isEqualTo("standby");
            assertThat(traffic.path("decisions").findValuesAsText("action")).contains("step_up", "promote");
        }
    }

    @Test
    void aSlowCanaryIsRolledBackAndTheRolloutResumesWhereItWasAfterARestart() throws Exception {
        stub(primary, "p", 10);
        stub(canary, "c", 400);
        java.nio.file.Path dataDir = RunningGateway.freshDataDir();
        String policy = "interval: 300ms\n  min_samples: 3\n  worse_to_roll_back: 2\n  rollback_factor: 3.0";
        try (RoutedGateway gateway = RoutedGateway.start(yaml(0.5, policy), dataDir)) {
            driveTrafficUntil(gateway, () -> gateway.traffic().path("canary_weight").asDouble() == 0.0);

            assertThat(gateway.traffic().path("decisions").findValuesAsText("action")).contains("roll_back");
            gateway.admin("POST", "/admin/traffic/canary/pause");
        }
        try (RoutedGateway restarted = RoutedGateway.start(yaml(0.5, policy), dataDir)) {
            JsonNode traffic = restarted.traffic();
            assertThat(traffic.path("canary_weight").asDouble()).as("not the 0.5 of the file").isZero();
            assertThat(traffic.path("paused").asBoolean()).isTrue();
            assertThat(traffic.path("decisions").findValuesAsText("action")).contains("roll_back", "pause");
        }
    }

    /** Sends requests from many users until the condition holds; fails after 20 s. */
    private static void driveTrafficUntil(RoutedGateway gateway, Check condition) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger user = new AtomicInteger();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < 8; client++) {
                clients.submit(() -> {
                    while (!done.get()) {
                        gateway.complete("writer-" + user.incrementAndGet());
                    }
                    return null;
                });
            }
            long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!condition.holds()) {
                assertThat(System.nanoTime()).as("the rollout did not get there within 20 s").isLessThan(giveUp);
                Thread.sleep(100);
            }
            done.set(true);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void stub(WireMockExtension provider, String text, int firstTokenMillis) {
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer(provider, text, firstTokenMillis)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer(
            WireMockExtension provider, String text, int firstTokenMillis) {
        return aResponse().withHeader("Content-Type", "text/event-stream").withFixedDelay(firstTokenMillis)
                .withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},"
                        + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
    }

    private static String yaml(double canaryWeight, String canaryPolicy) {
        return """
                endpoints:
                  - id: primary
                    base_url: %s/v1
                    role: primary
                  - id: canary
                    base_url: %s/v1
                    role: canary
                    weight: %s
                canary:
                  %s
                """.formatted(primary.baseUrl(), canary.baseUrl(), canaryWeight, canaryPolicy);
    }
}
