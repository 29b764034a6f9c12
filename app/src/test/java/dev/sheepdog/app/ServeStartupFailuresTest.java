package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sheepdog.adapter.out.callerstore.CallerDatabase;
import dev.sheepdog.adapter.out.keystore.FileKeyStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every way {@code serve} can fail to start ends in one clear line and a non-zero exit, never a stack trace. */
class ServeStartupFailuresTest {

    @TempDir
    Path dataDir;

    @Test
    void aPortInUseIsOneLineNamingThePortAndTheFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            Failure failure = serve(Map.of(), "--port", String.valueOf(port));

            failure.isOneLineContaining("port " + port, "--port", "SHEEPDOG_PORT");
        }
    }

    @Test
    void aDataDirectoryHeldByAnotherSheepdogIsOneLine() {
        try (FileKeyStore other = new FileKeyStore(dataDir, Optional.empty())) {
            serve(Map.of()).isOneLineContaining("another Sheepdog is using the data directory");
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsOneLine() throws Exception {
        Path aFile = Files.writeString(dataDir.resolve("not-a-directory"), "x");

        serve(Map.of(), "--data-dir", aFile.toString()).isOneLineContaining("data directory", aFile.toString());
    }

    @Test
    void aBadConfigurationFileIsOneLine() throws Exception {
        Path config = Files.writeString(dataDir.resolve("sheepdog.yaml"), "endpoints: [ {id: 7");

        serve(Map.of(), "--config", config.toString()).isOneLineContaining(config.toString());
    }

    @Test
    void aMissingConfigurationFileIsOneLine() {
        Path missing = dataDir.resolve("missing.yaml");

        serve(Map.of(), "--config", missing.toString()).isOneLineContaining(missing.toString());
    }

    @Test
    void aProviderNobodyRegisteredIsOneLineListingTheKnownOnes() throws Exception {
        Path config = Files.writeString(dataDir.resolve("sheepdog.yaml"), """
                endpoints:
                  - id: gemini
                    provider: gemini
                    base_url: https://generativelanguage.googleapis.com/v1beta/openai
                    role: primary
                """);

        serve(Map.of(), "--config", config.toString())
                .isOneLineContaining("no provider adapter named 'gemini'", "gemini", "anthropic, openai, simulator");
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsOneLineNamingTheFlag() {
        serve(Map.of(), "--trusted-proxy", "proxy.example.com/99")
                .isOneLineContaining("proxy.example.com/99", "--trusted-proxy", "SHEEPDOG_TRUSTED_PROXIES");
    }

    @Test
    void aUserTokenConfigurationProblemIsOneLine() throws Exception {
        Path config = Files.writeString(dataDir.resolve("sheepdog.yaml"), """
                endpoints:
                  - id: holysheep
                    base_url: https://api.holysheep.ai/v1
                    role: primary
                access:
                  jwt:
                    hs256_secret_env: SHEEPDOG_TEST_JWT_SECRET
                    issuer: https://login.example.com
                    audience: [sheepdog]
                """);

        serve(Map.of("SHEEPDOG_TEST_JWT_SECRET", "too-short"), "--config", config.toString())
                .isOneLineContaining("SHEEPDOG_TEST_JWT_SECRET");
    }

    @Test
    void aCallerDatabaseLockedByAnotherProcessIsOneLine() throws Exception {
        Path locked = Files.createDirectory(dataDir.resolve("locked"));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldCallerDatabase.class.getName(), locked.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("ready");

            serve(Map.of(), "--data-dir", locked.toString()).isOneLineContaining(CallerDatabase.NAME);
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    /** Another process that opens the caller database of a data directory and keeps it open. */
    static final class HoldCallerDatabase {
        public static void main(String[] args) throws Exception {
            try (CallerDatabase database = CallerDatabase.open(Path.of(args[0]))) {
                System.out.print("ready");
                System.out.flush();
                Thread.sleep(Duration.ofMinutes(2));
            }
        }
    }

    private Failure serve(Map<String, String> environment, String... flags) {
        List<String> given = List.of(flags);
        Stream<String> port = given.contains("--port") ? Stream.of() : Stream.of("--port", "0");
        Stream<String> data = given.contains("--data-dir") ? Stream.of() : Stream.of("--data-dir", dataDir.toString());
        List<String> args = Stream.of(Stream.of("serve", "--host", "127.0.0.1"), port, data, given.stream())
                .flatMap(each -> each).toList();
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StringWriter picocli = new StringWriter();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = Main.commandLine(environment, new ByteArrayInputStream(new byte[0]),
                    args.toArray(String[]::new));
            commandLine.setErr(new PrintWriter(picocli));
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> commandLine.execute(args.toArray(String[]::new)));
            return new Failure(exit, log.toString(StandardCharsets.UTF_8) + picocli);
        } finally {
            System.setErr(original);
        }
    }

    private record Failure(int exit, String output) {
        void isOneLineContaining(String... words) {
            List<String> errors = output.lines().filter(line -> !line.contains(" INFO ")).toList();
            assertThat(exit).as(output).isNotZero();
            assertThat(errors).as(output).singleElement().satisfies(line -> assertThat(line).contains(words));
            assertThat(output).doesNotContain("\tat ", "Exception");
        }
    }
}
