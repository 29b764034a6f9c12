package dev.sheepdog.app;

import dev.sheepdog.adapter.in.http.HttpSettings;
import dev.sheepdog.adapter.out.simulator.SimulatorActivity;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole gateway on the simulator for the browser tests, wired as {@code serve} wires it, on a free
 * port of 127.0.0.1. It lives in the app's package to read a sheepdog.yaml as {@code serve} does.
 */
public final class PageGateway implements AutoCloseable {

    private final GatewayComponent component;
    private final Gateway gateway;

    private PageGateway(GatewayConfig config) {
        this.component = GatewayComponent.create(config, Clock.systemUTC());
        this.gateway = component.gateway().start();
    }

    /** One simulator endpoint, no admin API; heartbeats after {@code heartbeat} of silence. */
    public static PageGateway offline(SimulatorSettings simulator, Duration heartbeat) {
        return new PageGateway(config(simulator, heartbeat, Optional.empty(), Optional.empty()));
    }

    /**
     * The endpoints of {@code yaml}, with the admin API behind {@code adminToken}; {@code environment}
     * holds the variables the file's {@code keys_from_env} name.
     */
    public static PageGateway routed(SimulatorSettings simulator, String yaml, String adminToken,
                                     Map<String, String> environment) {
        return routed(simulator, yaml, adminToken, environment, Duration.ofSeconds(1));
    }

    /** As {@link #routed(SimulatorSettings, String, String, Map)}, with heartbeats after {@code heartbeat} of silence. */
    public static PageGateway routed(SimulatorSettings simulator, String yaml, String adminToken,
                                     Map<String, String> environment, Duration heartbeat) {
        try {
            Path yamlFile = Files.createTempFile("sheepdog-pages-", ".yaml");
            Files.writeString(yamlFile, yaml);
            FileConfig file = ConfigFile.read(yamlFile, environment, StreamDeadlines.DEFAULT);
            return new PageGateway(config(simulator, heartbeat, Optional.of(adminToken),
                    Optional.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GatewayConfig config(SimulatorSettings simulator, Duration heartbeat, Optional<String> adminToken,
                                        Optional<FileConfig> file) {
        // A short grace: a test ends with nothing left to finish.
        HttpSettings http = new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, heartbeat,
                Duration.ofMillis(200));
        try {
            Path dataDir = Files.createTempDirectory("sheepdog-pages-data-");
            return new GatewayConfig(http, simulator, List.of(), GatewayConfig.HOLYSHEEP_DEFAULT_URL,
                    StreamDeadlines.DEFAULT, dataDir, Optional.empty(), adminToken, KeyPolicy.DEFAULT, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the pages are: {@code http://127.0.0.1:port}. */
    public URI origin() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    /** What happened to the simulator's streams: opened, completed, cancelled. */
    public SimulatorActivity simulator() {
        return component.simulator().activity();
    }

    @Override
    public void close() {
        gateway.close();
    }
}
