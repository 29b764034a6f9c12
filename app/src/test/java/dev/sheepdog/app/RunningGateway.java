package dev.sheepdog.app;

import dev.sheepdog.adapter.in.http.HttpSettings;
import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import dev.sheepdog.domain.service.KeyService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A whole gateway, wired as {@code serve} wires it, on a free port, answering from a fast simulator. */
final class RunningGateway implements AutoCloseable {

    private final GatewayComponent component;
    private final Gateway gateway;

    private RunningGateway(GatewayConfig config) {
        this(config, Clock.systemUTC());
    }

    private RunningGateway(GatewayConfig config, Clock clock) {
        this.component = GatewayComponent.create(config, clock);
        this.gateway = component.gateway().start();
    }

    /** A gateway as configured, on a free port; the test chooses its data directory. */
    static RunningGateway with(GatewayConfig config) {
        return new RunningGateway(config);
    }

    /** A gateway whose clock the test chose, e.g. one that stands still so that no limit refills. */
    static RunningGateway with(GatewayConfig config, Clock clock) {
        return new RunningGateway(config, clock);
    }

    /** The configuration these gateways start from: local, fast, with a fresh data directory. */
    static GatewayConfig config(SimulatorSettings simulator, List<String> keys, URI providerUrl,
                                StreamDeadlines deadlines, Optional<String> adminToken) {
        return new GatewayConfig(http(), simulator, keys, providerUrl, deadlines, freshDataDir(), Optional.empty(),
                adminToken, KeyPolicy.DEFAULT, Optional.empty());
    }

    static RunningGateway offline(SimulatorSettings simulator) {
        return new RunningGateway(config(simulator, List.of(), GatewayConfig.HOLYSHEEP_DEFAULT_URL,
                StreamDeadlines.DEFAULT, Optional.empty()));
    }

    static Path freshDataDir() {
        try {
            return Files.createTempDirectory("sheepdog-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpSettings http() {
        return new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    /** A gateway streaming from an OpenAI-compatible provider at {@code baseUrl} with this key. */
    static RunningGateway withProvider(URI baseUrl, String key, StreamDeadlines deadlines) {
        return new RunningGateway(config(SimulatorSettings.DEFAULT, List.of(key), baseUrl, deadlines, Optional.empty()));
    }

    static RunningGateway offline() {
        return offline(SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(5), Duration.ofMillis(1)));
    }

    /** The gateway's key management, as its admin API uses it. */
    KeyService keys() {
        return component.keys();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + gateway.port() + "/v1");
    }

    GatewayConfig config() {
        return gateway.config();
    }

    /** The provider adapter of each endpoint it serves, e.g. only the simulator's. */
    List<String> endpointProviders() {
        return gateway.endpoints().all().stream().map(endpoint -> endpoint.provider()).toList();
    }

    SimulatedCompletionProvider simulator() {
        return component.simulator();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
