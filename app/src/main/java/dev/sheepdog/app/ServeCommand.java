package dev.sheepdog.app;

import dev.sheepdog.adapter.in.http.HttpSettings;
import dev.sheepdog.adapter.in.http.TrustedProxies;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sheepdog serve}: runs the gateway until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the gateway. Without HOLYSHEEP_API_KEY it answers from the built-in simulator.",
                "Every option can also be set with the environment variable named in its description."})
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger("sheepdog");

    @Option(names = "--config", defaultValue = "${env:SHEEPDOG_CONFIG}",
            description = "A sheepdog.yaml with endpoints, routing and prices (SHEEPDOG_CONFIG). Without it, one endpoint "
                    + "comes from HOLYSHEEP_* variables, or the simulator answers.")
    Path configFile;

    @Option(names = "--port", defaultValue = "${env:SHEEPDOG_PORT:-8080}",
            description = "Port to listen on (SHEEPDOG_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:SHEEPDOG_HOST:-0.0.0.0}",
            description = "Interface to bind (SHEEPDOG_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--max-body-bytes", defaultValue = "${env:SHEEPDOG_MAX_BODY_BYTES:-1048576}",
            description = "Largest request body accepted (SHEEPDOG_MAX_BODY_BYTES, default ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--heartbeat", defaultValue = "${env:SHEEPDOG_HEARTBEAT:-15s}", converter = DurationConverter.class,
            description = "Silence after which a stream gets a ': ping' comment (SHEEPDOG_HEARTBEAT, default ${DEFAULT-VALUE}).")
    Duration heartbeat;

    @Option(names = "--cors-origin", split = ",", defaultValue = "${env:SHEEPDOG_CORS_ORIGINS}", paramLabel = "ORIGIN",
            description = "A site whose pages may call /v1 from the browser, e.g. https://writer.example.com; "
                    + "repeatable or comma-separated (SHEEPDOG_CORS_ORIGINS; none by default).")
    List<String> corsOrigins = List.of();

    @Option(names = "--allow-anonymous", defaultValue = "${env:SHEEPDOG_ALLOW_ANONYMOUS:-false}",
            description = "Serve callers with no client key or user token from any address, each address within the "
                    + "anonymous plan's limits (SHEEPDOG_ALLOW_ANONYMOUS). Without it, and with a real provider, only "
                    + "this machine's own callers are served without credentials.")
    boolean allowAnonymous;

    @Option(names = "--trusted-proxy", split = ",", defaultValue = "${env:SHEEPDOG_TRUSTED_PROXIES}",
            paramLabel = "ADDRESS", description = "A reverse proxy whose Forwarded / X-Forwarded-For headers name the "
                    + "caller's address, as an address or CIDR range; repeatable or comma-separated "
                    + "(SHEEPDOG_TRUSTED_PROXIES; none by default).")
    List<String> trustedProxies = List.of();

    @Option(names = "--metrics-token", defaultValue = "${env:SHEEPDOG_METRICS_TOKEN}",
            description = "A bearer token /metrics requires (SHEEPDOG_METRICS_TOKEN, which keeps it out of the "
                    + "process list; none by default).")
    String metricsToken;

    @Option(names = "--shutdown-grace", defaultValue = "${env:SHEEPDOG_SHUTDOWN_GRACE:-10s}",
            converter = DurationConverter.class,
            description = "How long open streams may finish after a stop (SHEEPDOG_SHUTDOWN_GRACE, default ${DEFAULT-VALUE}).")
    Duration shutdownGrace;

    @Option(names = "--holysheep-url", defaultValue = "${env:HOLYSHEEP_BASE_URL:-https://api.holysheep.ai/v1}",
            description = "OpenAI-compatible base URL of the provider (HOLYSHEEP_BASE_URL, default ${DEFAULT-VALUE}). "
                    + "The key is read only from HOLYSHEEP_API_KEY, never from a flag.")
    URI holySheepUrl;

    @Option(names = "--connect-timeout", defaultValue = "${env:SHEEPDOG_CONNECT_TIMEOUT:-5s}",
            converter = DurationConverter.class,
            description = "Deadline to connect to the provider (SHEEPDOG_CONNECT_TIMEOUT, default ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--first-token-timeout", defaultValue = "${env:SHEEPDOG_FIRST_TOKEN_TIMEOUT:-60s}",
            converter = DurationConverter.class,
            description = "Deadline for the provider's first chunk (SHEEPDOG_FIRST_TOKEN_TIMEOUT, default ${DEFAULT-VALUE}).")
    Duration firstTokenTimeout;

    @Option(names = "--idle-timeout", defaultValue = "${env:SHEEPDOG_IDLE_TIMEOUT:-30s}",
            converter = DurationConverter.class,
            description = "Deadline between two chunks of a stream (SHEEPDOG_IDLE_TIMEOUT, default ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--stream-timeout", defaultValue = "${env:SHEEPDOG_STREAM_TIMEOUT:-10m}",
            converter = DurationConverter.class,
            description = "Deadline for a whole completion (SHEEPDOG_STREAM_TIMEOUT, default ${DEFAULT-VALUE}).")
    Duration streamTimeout;

    @Option(names = "--data-dir", defaultValue = "${env:SHEEPDOG_DATA_DIR:-./data}",
            description = "Where the key store lives (SHEEPDOG_DATA_DIR, default ${DEFAULT-VALUE}). "
                    + "SHEEPDOG_MASTER_KEY, when set, encrypts it at rest.")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Fleet mode: keep keys, routes, client keys, usage and limits in this PostgreSQL database, "
                    + "shared with every gateway given the same URL (postgresql://user:password@host:5432/db or "
                    + "jdbc:postgresql://…). Prefer SHEEPDOG_DATABASE_URL: a flag shows in the process list. "
                    + "Without either, the stores are this gateway's own, in --data-dir.")
    String databaseUrl;

    @Option(names = "--key-probation", defaultValue = "${env:SHEEPDOG_KEY_PROBATION:-5m}",
            converter = DurationConverter.class,
            description = "How long a rotated-in key may still be rolled back (SHEEPDOG_KEY_PROBATION, default ${DEFAULT-VALUE}).")
    Duration keyProbation;

    @Option(names = "--key-retire-grace", defaultValue = "${env:SHEEPDOG_KEY_RETIRE_GRACE:-15m}",
            converter = DurationConverter.class,
            description = "The longest a retiring key is kept for streams still using it "
                    + "(SHEEPDOG_KEY_RETIRE_GRACE, default ${DEFAULT-VALUE}).")
    Duration keyRetireGrace;

    @Option(names = "--key-cooldown", defaultValue = "${env:SHEEPDOG_KEY_COOLDOWN:-30s}",
            converter = DurationConverter.class,
            description = "How long a rate-limited key rests when the provider gives no Retry-After "
                    + "(SHEEPDOG_KEY_COOLDOWN, default ${DEFAULT-VALUE}).")
    Duration keyCooldown;

    @Option(names = "--sim-first-token", defaultValue = "${env:SHEEPDOG_SIM_FIRST_TOKEN:-300ms}",
            converter = DurationConverter.class,
            description = "Simulator: time to the first token (SHEEPDOG_SIM_FIRST_TOKEN, default ${DEFAULT-VALUE}).")
    Duration simFirstToken;

    @Option(names = "--sim-token-delay", defaultValue = "${env:SHEEPDOG_SIM_TOKEN_DELAY:-20ms}",
            converter = DurationConverter.class,
            description = "Simulator: delay between tokens (SHEEPDOG_SIM_TOKEN_DELAY, default ${DEFAULT-VALUE}).")
    Duration simTokenDelay;

    @Option(names = "--sim-fault", paramLabel = "FAULT", description = "Simulator: " + FaultSpec.HELP)
    List<String> simFaults = List.of();

    private final Map<String, String> environment;

    ServeCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig config;
        Gateway gateway;
        try {
            config = config();
            StartupFailure.requirePortFree(config.http());
            gateway = GatewayComponent.create(config, Clock.systemUTC()).gateway().start();
        } catch (RuntimeException e) {
            // What stops a start is the operator's to fix (a port, a directory, a setting): one line, no stack
            // trace, which stays at DEBUG for a bug report.
            LOG.error("cannot start: {}", StartupFailure.describe(e, new HttpSettings(host, port, maxBodyBytes,
                    heartbeat, shutdownGrace)));
            LOG.debug("the failure that stopped the start", e);
            return 2;
        }
        StartupAnnouncement.announce(gateway);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: /readyz answers 503, new requests get a 503, open streams have {} ms to finish",
                    config.http().shutdownGrace().toMillis());
            gateway.close();
            stopped.countDown();
        }, "sheepdog-shutdown"));
        stopped.await();
        return 0;
    }

    GatewayConfig config() {
        List<String> keys = Stream.of("HOLYSHEEP_API_KEY", "HOLYSHEEP_KEY_PRIMARY").map(this::secret)
                .flatMap(Optional::stream).toList();
        HttpSettings http = new HttpSettings(host, port, maxBodyBytes, heartbeat, shutdownGrace,
                corsOrigins == null ? List.of() : corsOrigins);
        SimulatorSettings simulator = SimulatorSettings.DEFAULT.withDelays(simFirstToken, simTokenDelay)
                .withFaults(FaultSpec.parse(simFaults));
        StreamDeadlines deadlines = new StreamDeadlines(connectTimeout, firstTokenTimeout, idleTimeout, streamTimeout);
        KeyPolicy keyPolicy = new KeyPolicy(keyProbation, keyRetireGrace, keyCooldown,
                KeyPolicy.DEFAULT.validationTimeout(), KeyPolicy.DEFAULT.recheckAfter());
        Optional<FileConfig> fileConfig = Optional.ofNullable(configFile)
                .map(path -> ConfigFile.read(path, environment, deadlines));
        AccessConfig access = fileConfig.map(FileConfig::access).orElse(AccessConfig.DEFAULT).withFlags(
                allowAnonymous, trustedProxies == null ? List.of() : trustedProxies,
                Optional.ofNullable(metricsToken).map(String::strip).filter(token -> !token.isEmpty()));
        try {
            new TrustedProxies(access.trustedProxies());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--trusted-proxy (SHEEPDOG_TRUSTED_PROXIES, or access.trusted_proxies "
                    + "in the configuration file): " + e.getMessage(), e);
        }
        Optional<String> database = Optional.ofNullable(databaseUrl).map(String::strip).filter(url -> !url.isEmpty())
                .or(() -> secret("SHEEPDOG_DATABASE_URL"));
        return new GatewayConfig(http, simulator, keys, holySheepUrl, deadlines, dataDir,
                secret("SHEEPDOG_MASTER_KEY"), secret("SHEEPDOG_ADMIN_TOKEN"), keyPolicy, fileConfig, access, database);
    }

    // Secrets come only from the environment: flags would show in the process list.
    private Optional<String> secret(String variable) {
        return Optional.ofNullable(environment.get(variable)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
