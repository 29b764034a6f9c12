package dev.sheepdog.adapter.out.simulator;

import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import java.time.Duration;

/** The simulator keeps every promise of a {@link CompletionProvider}. */
class SimulatedCompletionProviderContractTest extends CompletionProviderContract {

    @Override
    protected CompletionProvider createProvider() {
        // A short pause before the first token leaves time to close a stream before its end.
        return new SimulatedCompletionProvider(
                SimulatorSettings.DEFAULT.withDelays(Duration.ZERO, Duration.ofMillis(1)));
    }

    @Override
    protected Endpoint endpoint() {
        return SimulatorFixtures.ENDPOINT;
    }

    @Override
    protected CompletionRequest request() {
        return SimulatorFixtures.ask("Viết một đoạn về mùa thu Hà Nội");
    }
}
