package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** Client keys made through the admin API and the 'clients' command, used as OpenAI SDKs send an API key. */
@Timeout(60)
class ClientKeysEndToEndTest {

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CallerGateway gateway;

    @BeforeEach
    void start() {
        CallerGateway.answerWithUsage(provider, 12, 3);
        gateway = CallerGateway.start(CallerGateway.config(provider, AccessConfig.DEFAULT));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void refusesARevokedKeyOnItsVeryNextRequestWhileOtherKeysGoOn() {
        JsonNode revoked = gateway.addClient("{\"name\":\"old-frontend\"}");
        JsonNode kept = gateway.addClient("{\"name\":\"new-frontend\"}");
        assertThat(gateway.completeWithKey(revoked.path("secret").asText()).statusCode()).isEqualTo(200);

        gateway.admin("POST", "/admin/clients/" + revoked.path("id").asText() + "/revoke", null);

        HttpResponse<String> refused = gateway.completeWithKey(revoked.path("secret").asText());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(CallerGateway.errorCode(refused)).isEqualTo("invalid_client_key");
        assertThat(refused.body()).contains(revoked.path("id").asText(), "was revoked")
                .doesNotContain(revoked.path("secret").asText());
        assertThat(gateway.completeWithKey(kept.path("secret").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAnExpiredKey() {
        JsonNode client = gateway.addClient("{\"name\":\"trial\",\"expires_at\":\"2027-06-01T00:00:00Z\"}");
        assertThat(gateway.completeWithKey(client.path("secret").asText()).statusCode()).isEqualTo(200);

        gateway.admin("PATCH", "/admin/clients/" + client.path("id").asText(), "{\"expires_at\":\"2020-01-01T00:00:00Z\"}");

        HttpResponse<String> refused = gateway.completeWithKey(client.path("secret").asText());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("has expired");
    }

    @Test
    void refusesAKeyNeverMadeEvenFromTheGatewaysOwnMachine() {
        HttpResponse<String> refused = gateway.completeWithKey("sk-sd-made-up-by-a-caller");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("not known to this gateway");
    }

    @Test
    void neverStoresAKeysSecretInPlainText() throws IOException {
        String secret = gateway.addClient("{\"name\":\"writer-web\"}").path("secret").asText();
        String listed = gateway.admin("GET", "/admin/clients", null).body();
        gateway.close();

        assertThat(listed).doesNotContain(secret);
        try (Stream<Path> files = Files.walk(gateway.config().dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(secret).doesNotContain(secret.substring(6));
            }
        }
    }

    @Test
    void theClientsCommandAddsListsShowsUpdatesAndRevokesKeys() {
        Cli added = cli("add", "writer-web", "--rpm", "60", "--daily-usd", "2.50", "--models", "deepseek-v3.2",
                "--expires", "30d");
        assertThat(added.exit).as(added.err).isZero();
        String secret = added.out.lines().filter(line -> line.startsWith("sk-sd-")).findFirst().orElseThrow();
        String id = added.out.lines().filter(line -> line.startsWith("cl_")).findFirst().orElseThrow().split(" ")[0];
        assertThat(gateway.completeWithKey(secret).statusCode()).isEqualTo(200);

        assertThat(cli("list").out).contains(id, "writer-web", "active", "60", "2.50").doesNotContain(secret);
        assertThat(cli("update", id, "--disable").out).contains("disabled");
        assertThat(gateway.completeWithKey(secret).statusCode()).isEqualTo(401);
        assertThat(cli("update", id, "--enable").out).contains("active");
        assertThat(cli("usage", id).out).contains("deepseek-v3.2");
        assertThat(cli("usage", "--by", "account").out).contains("client:" + id);
        assertThat(cli("revoke", id).out).contains("revoked");
        assertThat(gateway.completeWithKey(secret).statusCode()).isEqualTo(401);
        assertThat(cli("show", "cl_000000000000").err).contains("HTTP 404");
    }

    private Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        List<String> all = new java.util.ArrayList<>(List.of("clients"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", gateway.root().toString(), "--token", CallerGateway.ADMIN_TOKEN));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Cli(exit, out.toString(), err.toString());
    }

    private record Cli(int exit, String out, String err) {
    }
}
