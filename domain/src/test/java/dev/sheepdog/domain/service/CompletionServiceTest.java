package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Clock;
import dev.sheepdog.domain.port.out.ScriptedStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompletionServiceTest {

    private static final CallerId CALLER = new CallerId("writer-1");

    private final ScriptedCompletionProvider openai = new ScriptedCompletionProvider();
    private final ScriptedCompletionProvider simulator = new ScriptedCompletionProvider();
    private final Map<String, CompletionProvider> providers = Map.of("openai", openai, "simulator", simulator);

    static Endpoint endpoint(String id, String provider, String... models) {
        return new Endpoint(new EndpointId(id), provider, URI.create("http://" + id + ".test/v1"),
                Set.of(models), StreamDeadlines.DEFAULT);
    }

    @Test
    void opensTheRequestOnTheEndpointServingItsModelWithThatEndpointsProvider() throws InterruptedException {
        Endpoint holysheep = endpoint("holysheep", "openai", "gpt-4.1");
        Endpoint local = endpoint("local", "simulator", "deepseek-v3.2");
        ScriptedStream answer = ScriptedStream.answering("Xin chào");
        simulator.willAnswer(answer);
        CompletionService service = Gateways.completions(List.of(holysheep, local), providers, Map.of(), Telemetry.NONE, Clock.systemUTC());

        CompletionStream stream = service.stream(Requests.ask("deepseek-v3.2", "Hi"), CALLER);

        assertThat(CompletionProviderContract.drain(stream)).isEqualTo(answer.handedOut());
        assertThat(simulator.lastOpening().endpoint()).isEqualTo(local);
        assertThat(simulator.lastOpening().request().model()).isEqualTo("deepseek-v3.2");
        assertThat(openai.openings()).isEmpty();
    }

    @Test
    void usesTheEndpointsKeyOrNoneWhenItHasNone() {
        Endpoint keyed = endpoint("keyed", "openai", "gpt-4.1");
        Endpoint open = endpoint("open", "simulator", "deepseek-v3.2");
        ApiKey key = ApiKey.of("sk-keyed");
        CompletionService service = Gateways.completions(List.of(keyed, open), providers,
                Map.of(keyed.id(), key), Telemetry.NONE, Clock.systemUTC());

        service.stream(Requests.ask("gpt-4.1", "Hi"), CALLER);
        service.stream(Requests.ask("deepseek-v3.2", "Hi"), CALLER);

        assertThat(openai.lastOpening().key()).isEqualTo(key);
        assertThat(simulator.lastOpening().key()).isSameAs(ApiKey.NONE);
    }

    @Test
    void answersAnUnknownModelWithModelNotFoundWithoutOpeningAnything() throws InterruptedException {
        CompletionService service = Gateways.completions(
                List.of(endpoint("holysheep", "openai", "gpt-4.1")), providers, Map.of(), Telemetry.NONE, Clock.systemUTC());

        CompletionStream stream = service.stream(Requests.ask("gpt-9", "Hi"), CALLER);

        assertThat(stream.poll(Duration.ZERO)).get().isInstanceOfSatisfying(CompletionEvent.Failed.class,
                failed -> {
                    assertThat(failed.failure().kind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
                    assertThat(failed.failure().message()).contains("gpt-9");
                });
        assertThat(openai.openings()).isEmpty();
        assertThat(simulator.openings()).isEmpty();
    }

    @Test
    void anEndpointWithoutDeclaredModelsServesAnyModel() {
        CompletionService service = Gateways.completions(List.of(endpoint("holysheep", "openai")), providers,
                Map.of(), Telemetry.NONE, Clock.systemUTC());

        service.stream(Requests.ask("whatever-model", "Hi"), CALLER);

        assertThat(openai.lastOpening().request().model()).isEqualTo("whatever-model");
    }

    @Test
    void theFirstEndpointServingTheModelWins() {
        CompletionService service = Gateways.completions(
                List.of(endpoint("first", "simulator", "gpt-4.1"), endpoint("second", "openai")), providers, Map.of(), Telemetry.NONE, Clock.systemUTC());

        service.stream(Requests.ask("gpt-4.1", "Hi"), CALLER);

        assertThat(simulator.lastOpening().endpoint().id()).isEqualTo(new EndpointId("first"));
        assertThat(openai.openings()).isEmpty();
    }

    @Test
    void refusesAnEndpointWhoseProviderHasNoAdapter() {
        List<Endpoint> endpoints = List.of(endpoint("holysheep", "holysheep", "gpt-4.1"));

        assertThatThrownBy(() -> Gateways.completions(endpoints, providers, Map.of(), Telemetry.NONE, Clock.systemUTC()))
                .hasMessageContaining("no provider adapter named 'holysheep'")
                .hasMessageContaining("endpoint holysheep");
    }
}
