package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.adapter.in.http.HttpSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A caller on another host (a network namespace of this machine), as the internet reaches a gateway. */
@Timeout(90)
class RemoteCallerEndToEndTest {

    private static final String ASK = "{\"model\":\"deepseek-v3.2\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Viết một câu\"}]}";

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static NamespacedHost remote;

    @BeforeAll
    static void createHost() {
        remote = NamespacedHost.create();
    }

    @AfterAll
    static void removeHost() {
        if (remote != null) {
            remote.close();
        }
    }

    @BeforeEach
    void answer() {
        CallerGateway.answerWithUsage(provider, 12, 3);
    }

    @Test
    void refusesARemoteCallerWithoutCredentialsAndSaysHowToGetAccess() {
        try (CallerGateway gateway = CallerGateway.start(listeningEverywhere(AccessConfig.DEFAULT))) {
            String answer = curl(gateway, null);

            assertThat(answer).startsWith("401 ").contains("credentials_required", "sheepdog clients add",
                    "--allow-anonymous");
            provider.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        }
    }

    @Test
    void servesARemoteCallerWithAClientKey() {
        try (CallerGateway gateway = CallerGateway.start(listeningEverywhere(AccessConfig.DEFAULT))) {
            String secret = gateway.addClient("{\"name\":\"remote-frontend\"}").path("secret").asText();

            assertThat(curl(gateway, secret)).startsWith("200 ").contains("Xin chào", "[DONE]");
        }
    }

    @Test
    void servesARemoteCallerWithoutCredentialsWhenOpenedOnPurposeAndCountsItByItsAddress() {
        AccessConfig open = AccessConfig.DEFAULT.withFlags(true, List.of(), Optional.empty());
        try (CallerGateway gateway = CallerGateway.start(listeningEverywhere(open))) {
            assertThat(curl(gateway, null)).startsWith("200 ");

            assertThat(gateway.admin("GET", "/admin/usage?by=account", null).body())
                    .contains("\"account\":\"address:" + remote.address + "\"");
        }
    }

    private static GatewayConfig listeningEverywhere(AccessConfig access) {
        GatewayConfig config = CallerGateway.config(provider, access);
        HttpSettings http = new HttpSettings("0.0.0.0", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        return new GatewayConfig(http, config.simulator(), config.holySheepKeys(), config.holySheepUrl(),
                config.deadlines(), config.dataDir(), config.masterKey(), config.adminToken(), config.keyPolicy(),
                config.file(), config.access());
    }

    /** The status code, a space, and the body, as the remote host received them. */
    private static String curl(CallerGateway gateway, String bearer) {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "-m", "30", "-w", "\n%{http_code}",
                "-H", "Content-Type: application/json", "-d", ASK));
        if (bearer != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + bearer));
        }
        command.add("http://" + remote.gatewayAddress + ":" + gateway.root().getPort() + "/v1/chat/completions");
        String output = remote.inNamespace(command.toArray(String[]::new));
        int lastLine = output.lastIndexOf('\n');
        return output.substring(lastLine + 1).strip() + " " + output.substring(0, lastLine);
    }
}
