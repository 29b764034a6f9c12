package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A spent budget is still spent after the gateway's process is killed with SIGKILL and started again. */
@Timeout(180)
class BudgetAfterKillTest {

    private static final Pattern READY = Pattern.compile("ready on http://localhost:(\\d+)");
    private static final String TOKEN = "kill-test-admin-token";

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBudgetSpentBeforeAKillIsStillSpentAfterARestart() throws Exception {
        // $0.007 a request: two requests cross a $0.01 budget.
        CallerGateway.answerWithUsage(provider, 10_000, 10_000);
        Path dataDir = Files.createTempDirectory("sheepdog-kill-");
        String secret;
        Process first = serve(dataDir);
        try {
            URI root = readyRoot(first);
            secret = CallerGateway.parse(send(root, "/admin/clients", "Bearer " + TOKEN,
                    "{\"name\":\"budgeted\",\"daily_usd\":0.01}").body()).path("secret").asText();
            assertThat(complete(root, secret).statusCode()).isEqualTo(200);
            assertThat(complete(root, secret).statusCode()).isEqualTo(200);
            assertThat(CallerGateway.errorCode(complete(root, secret))).isEqualTo("budget_exceeded");
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        Process second = serve(dataDir);
        try {
            HttpResponse<String> afterRestart = complete(readyRoot(second), secret);

            assertThat(afterRestart.statusCode()).isEqualTo(429);
            assertThat(CallerGateway.errorCode(afterRestart)).isEqualTo("budget_exceeded");
        } finally {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process serve(Path dataDir) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDir.toString()))
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SHEEPDOG_") || name.startsWith("HOLYSHEEP_"));
        builder.environment().put("HOLYSHEEP_API_KEY", "sk-operator-provider-key");
        builder.environment().put("HOLYSHEEP_BASE_URL", provider.baseUrl() + "/v1");
        builder.environment().put("SHEEPDOG_ADMIN_TOKEN", TOKEN);
        return builder.start();
    }

    /** Reads the gateway's log until it says where it is ready; the rest of the log is drained in the background. */
    private static URI readyRoot(Process process) throws Exception {
        BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = log.readLine(); line != null; line = log.readLine()) {
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        Thread.ofVirtual().start(() -> log.lines().forEach(rest -> { }));
                        return URI.create("http://127.0.0.1:" + matcher.group(1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the gateway stopped before it was ready");
        });
        return ready.get(90, TimeUnit.SECONDS);
    }

    private HttpResponse<String> complete(URI root, String secret) throws Exception {
        return send(root, "/v1/chat/completions", "Bearer " + secret, "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Viết một câu\"}]}");
    }

    private HttpResponse<String> send(URI root, String path, String authorization, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(root.resolve(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
