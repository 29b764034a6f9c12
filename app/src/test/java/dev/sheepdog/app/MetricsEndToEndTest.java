package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** After real streams through the gateway, /metrics and /admin/spend tell what happened and what it cost. */
class MetricsEndToEndTest {

    private static final String TOKEN = "metrics-admin-token";
    private static final String REQUEST = "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Viết về Hội An\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void countsFinishedAndAbandonedStreamsWithTheirTokensAndCost() throws Exception {
        SimulatorSettings simulator = SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(5), Duration.ofMillis(5))
                .withTokensPerAnswer(40);
        try (RunningGateway gateway = RunningGateway.with(RunningGateway.config(simulator, List.of(),
                GatewayConfig.HOLYSHEEP_DEFAULT_URL, StreamDeadlines.DEFAULT, Optional.of(TOKEN)))) {
            SseClient.stream(gateway.baseUrl(), REQUEST);
            abandonAfterSomeChunks(gateway);

            String metrics = get(gateway, "/metrics");
            assertThat(metrics).contains("sheepdog_requests_total{endpoint=\"simulator\",error=\"none\","
                    + "model=\"deepseek-v3.2\",outcome=\"completed\",traffic=\"live\"} 1.0");
            assertThat(metrics).contains("outcome=\"cancelled\",traffic=\"live\"} 1.0");
            assertThat(metrics).contains("sheepdog_tokens_total{direction=\"output\",endpoint=\"simulator\","
                    + "estimated=\"false\",model=\"deepseek-v3.2\",traffic=\"live\"} 40.0");
            assertThat(metrics).contains("estimated=\"true\",model=\"deepseek-v3.2\",traffic=\"live\"}");
            assertThat(metrics).contains("sheepdog_cost_usd_total{endpoint=\"simulator\",model=\"deepseek-v3.2\"");
            assertThat(metrics).contains("sheepdog_time_to_first_token_seconds_count{endpoint=\"simulator\"");
            assertThat(metrics).contains("sheepdog_time_between_tokens_seconds_count{endpoint=\"simulator\"");
            assertThat(metrics).contains("sheepdog_added_latency_seconds_count{stage=\"before_upstream\"} 2");
            assertThat(metrics).contains("sheepdog_active_streams 0.0", "sheepdog_route_share{endpoint=\"simulator\"} 1.0",
                    "sheepdog_circuit_state{endpoint=\"simulator\"} 0.0", "jvm_memory_used_bytes");

            JsonNode spend = new ObjectMapper().readTree(get(gateway, "/admin/spend"));
            JsonNode line = spend.path("models").get(0);
            assertThat(line.path("model").asText()).isEqualTo("deepseek-v3.2");
            assertThat(line.path("requests").asInt()).isEqualTo(2);
            assertThat(line.path("estimated_cost_usd").decimalValue()).isPositive();
            assertThat(spend.path("total_usd").decimalValue()).isEqualByComparingTo(line.path("cost_usd").decimalValue());
        }
    }

    private void abandonAfterSomeChunks(RunningGateway gateway) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create(gateway.baseUrl() + "/chat/completions")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(REQUEST))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            body.readNBytes(2000);
        }
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!get(gateway, "/metrics").contains("outcome=\"cancelled\"") && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
    }

    private String get(RunningGateway gateway, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + gateway.baseUrl().getPort() + path);
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
