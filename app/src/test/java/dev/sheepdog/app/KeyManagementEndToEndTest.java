package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** Keys managed from the command line against a running gateway, its file store and a provider that checks keys. */
class KeyManagementEndToEndTest {

    private static final String TOKEN = "admin-e2e-token";
    private static final ApiKey FIRST = ApiKey.of("sk-good-first");
    private static final ApiKey SECOND = ApiKey.of("sk-good-second");

    @RegisterExtension
    static WireMockExtension holySheep = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private RunningGateway gateway;
    private GatewayConfig config;

    @BeforeEach
    void start() {
        holySheep.stubFor(get(urlEqualTo("/v1/models")).withHeader("Authorization", matching("Bearer sk-good-.*"))
                .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"deepseek-v3.2\",\"object\":\"model\"}]}")));
        holySheep.stubFor(get(urlEqualTo("/v1/models")).withHeader("Authorization", containing("sk-bad"))
                .willReturn(aResponse().withStatus(401)));
        holySheep.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"
                        + "\n\ndata: [DONE]\n\n")));
        GatewayConfig base = RunningGateway.config(SimulatorSettings.DEFAULT, List.of(FIRST.reveal()),
                URI.create(holySheep.baseUrl() + "/v1"), StreamDeadlines.DEFAULT, Optional.of(TOKEN));
        // No probation: a replaced key leaves as soon as its streams are over.
        config = base.withKeyPolicy(
                new KeyPolicy(Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(5),
                        Duration.ofSeconds(30)));
        gateway = RunningGateway.with(config);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void listsRotatesAndUsesTheNewKeyFromTheCommandLine() throws Exception {
        Cli listed = cli("", "keys", "list");
        assertThat(listed.exit).isZero();
        assertThat(listed.out).contains("FINGERPRINT", FIRST.fingerprint(), "active");

        Cli rotated = cli(SECOND.reveal() + "\n", "keys", "rotate", "holysheep", FIRST.fingerprint());
        assertThat(rotated.exit).as(rotated.err).isZero();
        assertThat(rotated.out).contains(SECOND.fingerprint(), "active").doesNotContain(SECOND.reveal());

        SseClient.stream(gateway.baseUrl(), "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        holySheep.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + SECOND.reveal())));
        assertThat(cli("", "keys", "list").out).contains(SECOND.fingerprint()).doesNotContain(FIRST.fingerprint());
        assertThat(Files.readString(config.dataDir().resolve("keys.json"))).doesNotContain(FIRST.reveal());
    }

    @Test
    void aKeyTheProviderRefusesChangesNothing() throws Exception {
        String before = Files.readString(config.dataDir().resolve("keys.json"));

        Cli refused = cli("sk-bad-typo\n", "keys", "rotate", "holysheep", FIRST.fingerprint());

        assertThat(refused.exit).isEqualTo(AdminConnection.REFUSED);
        assertThat(refused.err).contains("HTTP 422", "did not accept").doesNotContain("sk-bad-typo");
        assertThat(Files.readString(config.dataDir().resolve("keys.json"))).isEqualTo(before);
        assertThat(cli("", "keys", "list").out).contains(FIRST.fingerprint(), "active");
    }

    @Test
    void printsJsonForScriptsAndRefusesAWrongToken() throws Exception {
        Cli json = cli("", "keys", "list", "--json");
        assertThat(json.out).contains("\"endpoints\"", "\"fingerprint\" : \"" + FIRST.fingerprint() + "\"");

        Cli wrongToken = cliWithToken("not-the-token", "", "keys", "list");
        assertThat(wrongToken.exit).isEqualTo(AdminConnection.REFUSED);
        assertThat(wrongToken.err).contains("HTTP 401");
    }

    private Cli cli(String stdin, String... args) {
        return cliWithToken(TOKEN, stdin, args);
    }

    private Cli cliWithToken(String token, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(Map.of(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url";
        all[args.length + 1] = "http://127.0.0.1:" + gateway.baseUrl().getPort();
        all[args.length + 2] = "--token";
        all[args.length + 3] = token;
        int exit = commandLine.execute(all);
        return new Cli(exit, out.toString(), err.toString());
    }

    private record Cli(int exit, String out, String err) {
    }
}
