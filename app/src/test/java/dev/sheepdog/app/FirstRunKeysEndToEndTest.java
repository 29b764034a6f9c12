package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which provider key a restarted gateway uses, and where it may send it (issue 12, item 15). */
class FirstRunKeysEndToEndTest {

    private final Path dataDir = RunningGateway.freshDataDir();

    @Test
    void aKeySetInTheEnvironmentWinsOverTheKeyStoredByAnEarlierRun() throws Exception {
        try (AnyModelUpstream provider = new AnyModelUpstream()) {
            try (RunningGateway first = RunningGateway.with(config(List.of("sk-aaa"), provider.baseUrl()))) {
                complete(first);
            }
            try (RunningGateway second = RunningGateway.with(config(List.of("sk-bbb"), provider.baseUrl()))) {
                complete(second);
            }

            assertThat(provider.authorizations()).endsWith("Bearer sk-aaa", "Bearer sk-bbb");
        }
    }

    @Test
    void withoutAKeyInTheEnvironmentTheStoredKeyGoesOnlyToTheBaseUrlItWasStoredFor() throws Exception {
        try (AnyModelUpstream storedFor = new AnyModelUpstream(); AnyModelUpstream other = new AnyModelUpstream()) {
            try (RunningGateway first = RunningGateway.with(config(List.of("sk-aaa"), storedFor.baseUrl()))) {
                complete(first);
            }

            try (RunningGateway elsewhere = RunningGateway.with(config(List.of(), other.baseUrl()))) {
                assertThat(elsewhere.endpointProviders()).containsExactly(SimulatedCompletionProvider.NAME);
                complete(elsewhere);
            }
            try (RunningGateway same = RunningGateway.with(config(List.of(), storedFor.baseUrl()))) {
                complete(same);
            }

            assertThat(other.authorizations()).isEmpty();
            assertThat(storedFor.authorizations()).containsOnly("Bearer sk-aaa").hasSizeGreaterThanOrEqualTo(2);
        }
    }

    private GatewayConfig config(List<String> keys, URI providerUrl) {
        return RunningGateway.config(SimulatorSettings.DEFAULT.withDelays(Duration.ZERO, Duration.ZERO), keys,
                providerUrl, StreamDeadlines.DEFAULT, Optional.empty()).withDataDir(dataDir)
                .withKeyPolicy(KeyPolicy.DEFAULT);
    }

    private static int complete(RunningGateway gateway) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create(gateway.baseUrl() + "/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"any\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        }
    }
}
