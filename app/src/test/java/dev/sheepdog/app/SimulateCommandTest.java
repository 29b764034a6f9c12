package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.simulator.SimulatorFaults;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.upstream.simulated.SimulatedUpstreamServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sheepdog simulate} reads its options into the simulated upstream's settings and serves them. */
class SimulateCommandTest {

    @Test
    void defaultsToTheSimulatorsPaceAndModelsOnLocalhost8090() {
        SimulateCommand command = parse();

        SimulatedUpstreamServer server = command.server(Clock.systemUTC());

        assertThat(command.port).isEqualTo(8090);
        assertThat(command.host).isEqualTo("127.0.0.1");
        assertThat(server.settings()).isEqualTo(SimulatorSettings.DEFAULT);
        assertThat(server.requiredKey()).isEmpty();
    }

    @Test
    void readsItsOptionsFaultsIncludedIntoTheServersSettings() {
        SimulateCommand command = parse("--port", "0", "--host", "0.0.0.0", "--first-token", "50ms",
                "--token-delay", "0ms", "--tokens", "50", "--model", "alpha", "--model", "beta",
                "--fault", "429@0.1", "--fault", "stall@5", "--fault", "keepalive@2s", "--require-key", "sk-demo");

        SimulatedUpstreamServer server = command.server(Clock.systemUTC());

        assertThat(command.port).isZero();
        assertThat(command.host).isEqualTo("0.0.0.0");
        assertThat(server.settings()).isEqualTo(new SimulatorSettings(Duration.ofMillis(50), Duration.ZERO,
                List.of("alpha", "beta"), OptionalInt.of(50), SimulatorFaults.NONE.failing(429, 0.1).stallingAfter(5)
                .keepingAliveEvery(Duration.ofSeconds(2))));
        assertThat(server.requiredKey()).contains(ApiKey.of("sk-demo"));
    }

    @Test
    void refusesAFaultItCannotReadAsAUsageError() {
        CommandLine commandLine = new CommandLine(new SimulateCommand());
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("--port", "0", "--fault", "explode@3");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'explode@3' is not a fault");
    }

    @Test
    void helpListsEveryOption() {
        CommandLine commandLine = new CommandLine(new SimulateCommand());
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out));

        int exit = commandLine.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: simulate", "--port", "SHEEPDOG_SIM_PORT", "--host", "--first-token",
                "--token-delay", "--tokens", "--model", "--fault", "stall@N", "--require-key", "--help", "--version");
    }

    @Test
    void startsAServerThatAnswersAndPrintsItsBaseUrl() throws Exception {
        CommandLine commandLine = new CommandLine(new SimulateCommand());
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.parseArgs("--port", "0", "--first-token", "0ms", "--token-delay", "0ms", "--tokens", "3");
        SimulateCommand command = commandLine.getCommand();

        try (SimulatedUpstreamServer server = command.start(Clock.systemUTC())) {
            HttpResponse<String> models = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.baseUri().resolve("/v1/models")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(out.toString()).contains(server.baseUri().toString());
            assertThat(models.statusCode()).isEqualTo(200);
            assertThat(models.body()).contains("deepseek-v3.2", "gpt-4.1");
        }
    }

    private static SimulateCommand parse(String... args) {
        SimulateCommand command = new SimulateCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
