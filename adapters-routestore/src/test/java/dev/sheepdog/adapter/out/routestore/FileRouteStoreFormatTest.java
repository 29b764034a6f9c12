package dev.sheepdog.adapter.out.routestore;

import static dev.sheepdog.domain.port.out.RouteStoreContract.CANARY;
import static dev.sheepdog.domain.port.out.RouteStoreContract.PRIMARY;
import static dev.sheepdog.domain.port.out.RouteStoreContract.assertSameState;
import static dev.sheepdog.domain.port.out.RouteStoreContract.sampleState;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CanaryDecision.Action;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.WindowSummary;
import dev.sheepdog.support.files.DataFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRouteStoreFormatTest {

    @TempDir
    Path directory;

    @Test
    void writesAVersionedIndentedDocumentAnOperatorCanRead() throws Exception {
        new FileRouteStore(directory).save(sampleState());

        String text = DataFiles.text(RouteFiles.routesJson(directory));
        JsonNode document = new ObjectMapper().readTree(text);
        assertThat(text).as("indented for a human").contains("\n  \"canary_weight\" : 0.30000000000000004,\n");
        assertThat(document.properties()).extracting(Map.Entry::getKey).containsExactly("version", "canary_weight",
                "paused", "healthy_streak", "unhealthy_streak", "roles", "decisions");
        assertThat(document.get("version").intValue()).isEqualTo(1);
        assertThat(document.get("paused").booleanValue()).isTrue();
        assertThat(document.get("healthy_streak").intValue()).isEqualTo(2);
        assertThat(document.get("unhealthy_streak").intValue()).isEqualTo(1);
        assertThat(document.get("roles").toString()).as("primary first, then canary, shadow, standby").isEqualTo(
                "{\"holysheep-primary\":\"primary\",\"holysheep-canary\":\"canary\",\"deepseek.shadow\":\"shadow\","
                        + "\"holysheep_v1-standby\":\"standby\"}");
        JsonNode stepUp = document.get("decisions").get(1);
        assertThat(stepUp.properties()).extracting(Map.Entry::getKey).containsExactly("at", "action",
                "weight_before", "weight_after", "reason", "primary", "canary");
        assertThat(stepUp.get("at").textValue()).isEqualTo("2026-03-01T09:15:30.123456790Z");
        assertThat(stepUp.get("action").textValue()).isEqualTo("step_up");
        assertThat(stepUp.get("weight_before").doubleValue()).isEqualTo(0.1);
        assertThat(stepUp.get("reason").textValue()).startsWith("healthy for 3 evaluations; \"p95\"");
        assertThat(stepUp.get("primary").toString()).isEqualTo("{\"requests\":1204,\"errors\":{\"rate_limited\":7,"
                + "\"upstream_unavailable\":2,\"first_token_timeout\":1},\"ttft_p50\":\"PT0.412345678S\","
                + "\"ttft_p95\":\"PT1.25S\",\"ttft_p99\":\"PT3.999999999S\",\"tokens_per_second\":41.73}");
        assertThat(stepUp.get("canary").get("ttft_p95").textValue()).isEqualTo("PT2H0.000000005S");
    }

    @Test
    void savingTheSameStateTwiceWritesTheSameBytes() {
        FileRouteStore store = new FileRouteStore(directory);
        store.save(sampleState());
        byte[] first = DataFiles.bytes(RouteFiles.routesJson(directory));

        store.save(sampleState());

        assertThat(DataFiles.bytes(RouteFiles.routesJson(directory))).isEqualTo(first);
    }

    @Test
    void readsAFileWrittenByHand() throws Exception {
        DataFiles.write(RouteFiles.routesJson(directory), """
                {"version": 1, "canary_weight": 0, "paused": false, "healthy_streak": 0, "unhealthy_streak": 3,
                 "roles": {"holysheep-canary": "canary", "holysheep-primary": "primary"},
                 "decisions": [{"at": "2026-01-31T12:00:00Z", "action": "roll_back", "weight_before": 0.05,
                   "weight_after": 0, "reason": "canary errors 4% vs 0.5%",
                   "primary": {"requests": 200, "errors": {}, "ttft_p50": "PT0.3S", "ttft_p95": "PT0.9S",
                               "ttft_p99": "PT1S", "tokens_per_second": 50},
                   "canary": {"requests": 100, "errors": {"upstream_unavailable": 4}, "ttft_p50": "PT0.35S",
                              "ttft_p95": "PT1.1S", "ttft_p99": "PT2S", "tokens_per_second": 48.5}}]}
                """);

        WindowSummary primary = new WindowSummary(200, Map.of(), Duration.ofMillis(300), Duration.ofMillis(900),
                Duration.ofSeconds(1), 50);
        WindowSummary canary = new WindowSummary(100, Map.of(FailureKind.UPSTREAM_UNAVAILABLE, 4L),
                Duration.ofMillis(350), Duration.ofMillis(1_100), Duration.ofSeconds(2), 48.5);
        assertSameState(new FileRouteStore(directory).load(), new RouteState(
                Map.of(PRIMARY, EndpointRole.PRIMARY, CANARY, EndpointRole.CANARY), 0, false, 0, 3,
                List.of(new CanaryDecision(Instant.parse("2026-01-31T12:00:00Z"), Action.ROLL_BACK, 0.05, 0,
                        primary, canary, "canary errors 4% vs 0.5%"))));
    }

    @Test
    void keepsATokenRateThatIsNotANumberAsJsonCanHoldIt() {
        WindowSummary odd = new WindowSummary(1, Map.of(), Duration.ZERO, Duration.ZERO, Duration.ZERO, Double.NaN);
        WindowSummary endless = new WindowSummary(1, Map.of(), Duration.ofNanos(-1), Duration.ZERO, Duration.ZERO,
                Double.POSITIVE_INFINITY);
        RouteState state = new RouteState(Map.of(), 0.5, false, 0, 0,
                List.of(new CanaryDecision(Instant.EPOCH, Action.HOLD, 0.5, 0.5, odd, endless, "odd numbers")));
        FileRouteStore store = new FileRouteStore(directory);

        store.save(state);

        assertThat(DataFiles.text(RouteFiles.routesJson(directory)))
                .contains("\"tokens_per_second\" : \"NaN\"", "\"tokens_per_second\" : \"Infinity\"");
        assertSameState(new FileRouteStore(directory).load(), state);
    }

    @Test
    void createsAMissingDataDirectory() {
        Path missing = directory.resolve("data/sheepdog");

        new FileRouteStore(missing).save(sampleState());

        assertThat(RouteFiles.routesJson(missing)).isRegularFile();
    }
}
