package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

class ServeCommandTest {

    @Test
    void helpListsEveryOptionWithItsEnvironmentVariable() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out));

        int exit = commandLine.execute("serve", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--port", "SHEEPDOG_PORT", "--heartbeat", "HOLYSHEEP_BASE_URL",
                "HOLYSHEEP_API_KEY");
    }

    @Test
    void hasNoKeyToSeedWhenNoneIsSet() {
        GatewayConfig config = parse(Map.of(), "serve", "--port", "0");

        assertThat(config.holySheepKeys()).isEmpty();
        assertThat(config.http().port()).isZero();
    }

    @Test
    void seedsTheKeysSetInTheEnvironment() {
        GatewayConfig config = parse(Map.of("HOLYSHEEP_API_KEY", "sk-test", "HOLYSHEEP_KEY_PRIMARY", "sk-primary"),
                "serve");

        assertThat(config.holySheepKeys()).containsExactly("sk-test", "sk-primary");
    }

    @Test
    void aBlankKeyCountsAsNoKey() {
        assertThat(parse(Map.of("HOLYSHEEP_API_KEY", "  "), "serve").holySheepKeys()).isEmpty();
    }

    @Test
    void readsTheDataDirectoryMasterKeyAndAdminTokenWithoutShowingThem() {
        GatewayConfig config = parse(Map.of("SHEEPDOG_MASTER_KEY", "master-secret", "SHEEPDOG_ADMIN_TOKEN",
                "admin-secret", "HOLYSHEEP_API_KEY", "sk-hidden"), "serve", "--data-dir", "/var/lib/sheepdog");

        assertThat(config.dataDir()).hasToString("/var/lib/sheepdog");
        assertThat(config.masterKey()).contains("master-secret");
        assertThat(config.adminToken()).contains("admin-secret");
        assertThat(config.toString()).doesNotContain("master-secret", "admin-secret", "sk-hidden");
    }

    @Test
    void readsDurationsTheWayOperatorsWriteThem() {
        GatewayConfig config = parse(Map.of(), "serve", "--heartbeat", "250ms", "--shutdown-grace", "2m",
                "--sim-first-token", "PT1S");

        assertThat(config.http().heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.http().shutdownGrace()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.simulator().timeToFirstToken()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void readsTheStreamDeadlines() {
        GatewayConfig config = parse(Map.of(), "serve", "--connect-timeout", "2s", "--first-token-timeout", "45s",
                "--idle-timeout", "20s", "--stream-timeout", "5m");

        assertThat(config.deadlines()).isEqualTo(new StreamDeadlines(Duration.ofSeconds(2), Duration.ofSeconds(45),
                Duration.ofSeconds(20), Duration.ofMinutes(5)));
    }

    @Test
    void deadlinesDefaultToTheDocumentedValues() {
        assertThat(parse(Map.of(), "serve").deadlines()).isEqualTo(StreamDeadlines.DEFAULT);
    }

    @Test
    void refusesADurationWithoutAUnit() {
        assertThatThrownBy(() -> DurationConverter.parse("15"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("15s");
    }

    private static GatewayConfig parse(Map<String, String> environment, String... args) {
        CommandLine commandLine = Main.commandLine(environment);
        commandLine.parseArgs(args);
        ServeCommand serve = commandLine.getSubcommands().get("serve").getCommand();
        return serve.config();
    }
}
