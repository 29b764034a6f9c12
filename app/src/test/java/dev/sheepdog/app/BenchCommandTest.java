package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sheepdog.bench.ApiKey;
import dev.sheepdog.bench.BenchPlan;
import dev.sheepdog.bench.Prompts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    private static final String SECRET = "sk-bench-do-not-print-4711";
    private static final String COMPARE_SECRET = "sk-compare-do-not-print-0815";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpListsEveryOptionAndWhereTheKeyComesFrom() {
        assertThat(run(Map.of(), "--help")).isZero();

        assertThat(out.toString()).contains("--url", "--api-key", "--compare-url", "--compare-api-key", "--model",
                "--max-tokens", "--prompts", "--requests", "--concurrency", "--warmup", "--timeout", "--json",
                "--[no-]progress", "BENCH_API_KEY", "OPENAI_API_KEY", "deepseek-v3.2", "Exit status");
    }

    @Test
    void hasTheDocumentedDefaults() throws IOException {
        BenchPlan plan = plan(Map.of());

        assertThat(plan.targets()).singleElement().satisfies(target -> {
            assertThat(target.baseUrl()).hasToString("http://localhost:8080/v1");
            assertThat(target.apiKey()).isEqualTo(ApiKey.NONE);
        });
        assertThat(plan.model()).isEqualTo("deepseek-v3.2");
        assertThat(plan.maxTokens()).isEmpty();
        assertThat(plan.prompts()).isEqualTo(Prompts.defaults());
        assertThat(List.of(plan.requests(), plan.concurrency(), plan.warmup())).containsExactly(100, 8, 10);
        assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void parsesEveryOptionIntoThePlan() throws IOException {
        Path prompts = Files.writeString(dir.resolve("prompts.txt"),
                "Viết thơ về Hà Nội\n\nTóm tắt bài báo\n");

        BenchPlan plan = plan(Map.of(), "--url", "https://api.holysheep.ai/v1", "--model", "gpt-4.1",
                "--max-tokens", "256", "--prompts", prompts.toString(), "--requests", "40", "--concurrency", "16",
                "--warmup", "0", "--timeout", "30s", "--compare-url", "http://localhost:8080/v1");

        assertThat(plan.targets()).extracting(target -> target.baseUrl().toString())
                .containsExactly("https://api.holysheep.ai/v1", "http://localhost:8080/v1");
        assertThat(plan.model()).isEqualTo("gpt-4.1");
        assertThat(plan.maxTokens()).hasValue(256);
        assertThat(plan.prompts()).containsExactly("Viết thơ về Hà Nội", "Tóm tắt bài báo");
        assertThat(List.of(plan.requests(), plan.concurrency(), plan.warmup())).containsExactly(40, 16, 0);
        assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void takesTheKeyFromTheFlagThenBenchApiKeyThenOpenAiApiKeyAndNeverSendsItToTheComparedHost()
            throws IOException {
        Map<String, String> environment = Map.of("BENCH_API_KEY", "sk-bench", "OPENAI_API_KEY", "sk-openai");

        assertThat(plan(environment, "--api-key", "sk-flag").targets().getFirst().apiKey())
                .isEqualTo(ApiKey.of("sk-flag"));
        assertThat(plan(environment).targets().getFirst().apiKey()).isEqualTo(ApiKey.of("sk-bench"));
        assertThat(plan(Map.of("OPENAI_API_KEY", "sk-openai")).targets().getFirst().apiKey())
                .isEqualTo(ApiKey.of("sk-openai"));
        assertThat(plan(environment, "--compare-url", "http://b/v1").targets().get(1).apiKey()).isEqualTo(ApiKey.NONE);
        assertThat(plan(Map.of("BENCH_COMPARE_API_KEY", "sk-b"), "--compare-url", "http://b/v1").targets().get(1)
                .apiKey()).isEqualTo(ApiKey.of("sk-b"));
    }

    @Test
    void theApiKeysNeverAppearInTheTableTheProgressTheMessagesOrTheJson() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Path json = dir.resolve("report.json");
        try (Server direct = Server.streaming(seen); Server gateway = Server.refusingAndQuoting(seen)) {
            int exit = run(Map.of("BENCH_API_KEY", SECRET), "--url", direct.url(), "--compare-url", gateway.url(),
                    "--compare-api-key", COMPARE_SECRET, "--requests", "4", "--concurrency", "2", "--warmup", "1",
                    "--json", json.toString(), "--progress");

            assertThat(exit).as(err.toString()).isEqualTo(BenchCommand.NOTHING_COMPLETED); // B refused every request
        }

        assertThat(seen).contains("Bearer " + SECRET, "Bearer " + COMPARE_SECRET); // they were sent...
        String everything = out + "\n" + err + "\n" + Files.readString(json);
        assertThat(everything).contains("http_401", "B / A", "measure").doesNotContain(SECRET, COMPARE_SECRET);
    }

    @Test
    void writesTheJsonToStandardOutputInsteadOfTheTableForADash() throws Exception {
        try (Server server = Server.streaming(new CopyOnWriteArrayList<>())) {
            assertThat(run(Map.of(), "--url", server.url(), "--requests", "3", "--warmup", "0", "--json", "-"))
                    .isZero();
        }

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("targets").path(0).path("succeeded").asInt()).isEqualTo(3);
        assertThat(json.path("targets").path(0).path("ttft_ms").path("p50").isNumber()).isTrue();
        assertThat(err.toString()).doesNotContain("measure ["); // not a terminal, and no --progress
    }

    @Test
    void aTargetThatCompletesNothingExitsWithOne() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int exit = run(Map.of(), "--url", "http://127.0.0.1:" + closedPort + "/v1", "--requests", "2", "--warmup", "0");

        assertThat(exit).isEqualTo(BenchCommand.NOTHING_COMPLETED);
        assertThat(out.toString()).contains("connection");
    }

    @Test
    void refusesWrongSettingsBeforeSendingAnything() {
        assertThat(run(Map.of(), "--requests", "0")).isEqualTo(BenchCommand.USAGE);
        assertThat(err.toString()).contains("at least 1");
        assertThat(run(Map.of(), "--prompts", dir.resolve("missing.txt").toString())).isEqualTo(BenchCommand.USAGE);
        assertThat(run(Map.of(), "--json", dir.resolve("no/such/dir/report.json").toString()))
                .isEqualTo(BenchCommand.USAGE);
        assertThat(run(Map.of(), "--url", "ftp://example.com/v1")).isEqualTo(BenchCommand.USAGE);
        assertThat(run(Map.of(), "--timeout", "soon")).isEqualTo(BenchCommand.USAGE);
    }

    @Test
    void canBeBuiltTheWayMainRegistersIt() {
        CommandLine commandLine = new CommandLine(new BenchCommand());

        assertThat(commandLine.getCommandName()).isEqualTo("bench");
    }

    private int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new BenchCommand(environment, () -> false));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static BenchPlan plan(Map<String, String> environment, String... args) throws IOException {
        BenchCommand command = new BenchCommand(environment, () -> false);
        new CommandLine(command).parseArgs(args);
        return command.plan();
    }

    /** A chat-completions server on port 0 that records the Authorization header of each request. */
    private record Server(HttpServer http) implements AutoCloseable {

        static Server streaming(List<String> seen) throws IOException {
            return start(seen, 200, "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n"
                    + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Xin chào\"}}]}\n\n"
                    + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"completion_tokens\":2}}\n\ndata: [DONE]\n\n");
        }

        // Some providers quote the refused key in their error body: the bench must not pass it on.
        static Server refusingAndQuoting(List<String> seen) throws IOException {
            return start(seen, 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + COMPARE_SECRET + "\"}}");
        }

        private static Server start(List<String> seen, int status, String body) throws IOException {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.createContext("/v1/chat/completions", exchange -> {
                try (exchange) {
                    seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                    exchange.getRequestBody().readAllBytes();
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", status == 200 ? "text/event-stream"
                            : "application/json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    try (OutputStream response = exchange.getResponseBody()) {
                        response.write(bytes);
                    }
                }
            });
            http.start();
            return new Server(http);
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
