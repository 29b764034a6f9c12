package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.service.CompletionServiceTest.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionServiceListModelsTest {

    private final ScriptedCompletionProvider openai = new ScriptedCompletionProvider();
    private final ScriptedCompletionProvider simulator = new ScriptedCompletionProvider();
    private final Map<String, CompletionProvider> providers = Map.of("openai", openai, "simulator", simulator);

    @Test
    void listsDeclaredModelsAsTheirEndpointsWithoutAskingTheProvider() {
        CompletionService service = Gateways.completions(
                List.of(endpoint("holysheep", "openai", "gpt-4.1", "deepseek-v3.2")), providers, Map.of(), Telemetry.NONE, Clock.systemUTC());

        assertThat(service.listModels()).containsExactly(
                new ModelInfo("deepseek-v3.2", "holysheep"), new ModelInfo("gpt-4.1", "holysheep"));
        assertThat(openai.listings()).isEmpty();
    }

    @Test
    void asksTheProviderWithTheEndpointsKeyWhenTheEndpointDeclaresNoModels() {
        openai.willListModels(new ModelInfo("gpt-4.1", "openai"), new ModelInfo("o3", "openai"));
        var holysheep = endpoint("holysheep", "openai");
        ApiKey key = ApiKey.of("sk-holysheep");
        CompletionService service = Gateways.completions(List.of(holysheep), providers, Map.of(holysheep.id(), key), Telemetry.NONE, Clock.systemUTC());

        assertThat(service.listModels()).extracting(ModelInfo::id).containsExactly("gpt-4.1", "o3");
        assertThat(openai.listings()).singleElement().satisfies(listing -> {
            assertThat(listing.endpoint()).isEqualTo(holysheep);
            assertThat(listing.key()).isEqualTo(key);
            assertThat(listing.timeout()).isPositive();
        });
    }

    @Test
    void mergesEndpointsKeepingTheFirstOfEachModelId() {
        simulator.willListModels(new ModelInfo("gpt-4.1", "sheepdog-simulator"), new ModelInfo("sim-1", "sim"));
        CompletionService service = Gateways.completions(
                List.of(endpoint("holysheep", "openai", "gpt-4.1"), endpoint("local", "simulator"),
                        endpoint("canary", "openai", "sim-1", "gpt-5")),
                providers, Map.of(), Telemetry.NONE, Clock.systemUTC());

        assertThat(service.listModels()).containsExactly(new ModelInfo("gpt-4.1", "holysheep"),
                new ModelInfo("sim-1", "sim"), new ModelInfo("gpt-5", "canary"));
    }

    @Test
    void skipsAnEndpointWhoseProviderCannotListItsModels() {
        openai.willFailListingModels(CompletionFailure.of(FailureKind.UPSTREAM_UNAVAILABLE, "503"));
        simulator.willListModels(new ModelInfo("sim-1", "sim"));
        CompletionService service = Gateways.completions(
                List.of(endpoint("holysheep", "openai"), endpoint("local", "simulator")), providers, Map.of(), Telemetry.NONE, Clock.systemUTC());

        assertThat(service.listModels()).containsExactly(new ModelInfo("sim-1", "sim"));
    }

    @Test
    void answersTheProvidersFailureRatherThanNoModelsWhenNoEndpointCouldList() {
        openai.willFailListingModels(CompletionFailure.of(FailureKind.UPSTREAM_UNAVAILABLE, "connection refused"));
        CompletionService service = Gateways.completions(List.of(endpoint("holysheep", "openai")), providers,
                Map.of(), Telemetry.NONE, Clock.systemUTC());

        assertThatThrownBy(service::listModels).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.UPSTREAM_UNAVAILABLE));
    }
}
