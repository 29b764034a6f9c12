package dev.sheepdog.app;

import dev.sheepdog.adapter.in.http.HttpSettings;
import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A whole gateway, wired as {@code serve} wires it, on a free port, answering from a fast simulator. */
final class RunningGateway implements AutoCloseable {

    private final GatewayComponent component;
    private final Gateway gateway;

    private RunningGateway(GatewayConfig config) {
        this.component = GatewayComponent.create(config, Clock.systemUTC());
        this.gateway = component.gateway().start();
    }

    static RunningGateway offline(SimulatorSettings simulator) {
        return new RunningGateway(new GatewayConfig(http(), simulator, Optional.empty(),
                GatewayConfig.HOLYSHEEP_DEFAULT_URL, StreamDeadlines.DEFAULT));
    }

    private static HttpSettings http() {
        return new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    /** A gateway streaming from an OpenAI-compatible provider at {@code baseUrl} with this key. */
    static RunningGateway withProvider(URI baseUrl, String key, StreamDeadlines deadlines) {
        return new RunningGateway(new GatewayConfig(http(), SimulatorSettings.DEFAULT, Optional.of(key), baseUrl,
                deadlines));
    }

    static RunningGateway offline() {
        return offline(SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(5), Duration.ofMillis(1)));
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + gateway.port() + "/v1");
    }

    SimulatedCompletionProvider simulator() {
        return component.simulator();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
