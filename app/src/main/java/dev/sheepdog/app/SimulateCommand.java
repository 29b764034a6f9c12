package dev.sheepdog.app;

import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.upstream.simulated.SimulatedUpstreamServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code sheepdog simulate}: an OpenAI-compatible upstream answering from the simulated model, faults on demand. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a standalone OpenAI-compatible upstream backed by the simulated model, for tests, demos "
                + "and benchmarks: point a gateway or any OpenAI SDK at the base URL it prints.",
                "Every option with an environment variable in its description can also be set with it."},
        footer = {"", "Faults on the wire: STATUS@RATE answers that status with an OpenAI error body (429 with "
                + "Retry-After); stall@N sends N tokens, then nothing on an open connection; cut@N breaks the "
                + "connection after N tokens; malformed@N sends a chunk that is not JSON; error@N sends an "
                + "'event: error' and no [DONE]; hang sends not even the headers; keepalive@D sends ': keep-alive' "
                + "after each D of silence."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:SHEEPDOG_SIM_PORT:-8090}",
            description = "Port to listen on, 0 for any free one (SHEEPDOG_SIM_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:SHEEPDOG_SIM_HOST:-127.0.0.1}",
            description = "Interface to bind (SHEEPDOG_SIM_HOST, default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--first-token", defaultValue = "${env:SHEEPDOG_SIM_FIRST_TOKEN:-300ms}",
            converter = DurationConverter.class,
            description = "Time to the first token (SHEEPDOG_SIM_FIRST_TOKEN, default ${DEFAULT-VALUE}).")
    Duration firstToken;

    @Option(names = "--token-delay", defaultValue = "${env:SHEEPDOG_SIM_TOKEN_DELAY:-20ms}",
            converter = DurationConverter.class,
            description = "Delay between two tokens, 0ms for a burst "
                    + "(SHEEPDOG_SIM_TOKEN_DELAY, default ${DEFAULT-VALUE}).")
    Duration tokenDelay;

    @Option(names = "--tokens", paramLabel = "N",
            description = "Tokens per answer (default: the answer's natural length, about 120 or more).")
    Integer tokens;

    @Option(names = "--model", paramLabel = "ID",
            description = "A model id to answer to, repeatable (default: deepseek-v3.2 and gpt-4.1).")
    List<String> models = List.of();

    @Option(names = "--fault", paramLabel = "FAULT", description = FaultSpec.HELP)
    List<String> faults = List.of();

    @Option(names = "--require-key", paramLabel = "KEY", defaultValue = "${env:SHEEPDOG_SIM_REQUIRE_KEY}",
            description = "Answer 401 unless the client sends 'Authorization: Bearer KEY', a made-up key for demos "
                    + "(SHEEPDOG_SIM_REQUIRE_KEY; by default any key is accepted).")
    String requiredKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        SimulatedUpstreamServer server;
        try {
            server = start(Clock.systemUTC());
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot start on " + host + ":" + port + ": " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sheepdog-simulate-shutdown"));
        stopped.await();
        return 0;
    }

    /** Starts the server these options describe and prints the base URL to use. */
    SimulatedUpstreamServer start(Clock clock) throws IOException {
        SimulatedUpstreamServer server = server(clock).start(host, port);
        PrintWriter out = spec.commandLine().getOut();
        out.println("OpenAI-compatible base URL: " + server.baseUri()
                + (server.requiredKey().isPresent() ? " (API key as set by --require-key)" : " (any API key)"));
        out.flush();
        return server;
    }

    /** The server these options describe, not started yet. */
    SimulatedUpstreamServer server(Clock clock) {
        try {
            SimulatorSettings settings = SimulatorSettings.DEFAULT.withDelays(firstToken, tokenDelay)
                    .withFaults(FaultSpec.parse(faults == null ? List.of() : faults));
            if (models != null && !models.isEmpty()) {
                settings = new SimulatorSettings(settings.timeToFirstToken(), settings.interTokenDelay(), models,
                        settings.tokensPerAnswer(), settings.faults());
            }
            if (tokens != null) {
                settings = settings.withTokensPerAnswer(tokens);
            }
            Optional<ApiKey> key = Optional.ofNullable(requiredKey).filter(k -> !k.isBlank()).map(ApiKey::of);
            return new SimulatedUpstreamServer(settings, key, clock);
        } catch (IllegalArgumentException | TypeConversionException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
