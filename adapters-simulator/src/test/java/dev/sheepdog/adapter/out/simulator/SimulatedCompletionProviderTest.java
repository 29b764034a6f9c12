package dev.sheepdog.adapter.out.simulator;

import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ENDPOINT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.INSTANT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedCompletionProviderTest {

    private final SimulatedCompletionProvider simulator = provider(INSTANT);

    @Test
    void answersAnUnknownModelWithModelNotFound404() throws InterruptedException {
        CompletionRequest request = CompletionRequest.streaming("gpt-9",
                List.of(SimulatorFixtures.message(Role.USER, "Hi")));

        assertThat(simulator.open(ENDPOINT, ApiKey.NONE, request).poll(Duration.ZERO)).get()
                .isInstanceOfSatisfying(Failed.class, failed -> {
                    assertThat(failed.failure().kind()).isEqualTo(FailureKind.MODEL_NOT_FOUND);
                    assertThat(failed.failure().upstreamStatus()).isEqualTo(404);
                    assertThat(failed.failure().message()).contains("gpt-9");
                });
    }

    @Test
    void listsTheConfiguredModels() {
        assertThat(simulator.listModels(ENDPOINT, ApiKey.NONE, Duration.ofSeconds(1)))
                .extracting(ModelInfo::id).containsExactlyElementsOf(INSTANT.models());
    }
}
