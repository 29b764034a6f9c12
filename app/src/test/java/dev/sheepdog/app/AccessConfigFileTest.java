package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access: section of sheepdog.yaml, and what flags add to it. */
class AccessConfigFileTest {

    private static final String ENDPOINT = """
            endpoints:
              - id: holysheep
                base_url: https://api.holysheep.ai/v1
                role: primary
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheDocumentedExamplesPlansProxiesAndLogin() {
        FileConfig config = ConfigFile.read(Path.of("..", "docs", "sheepdog.example.yaml"),
                Map.of("HOLYSHEEP_KEY_PRIMARY", "sk-primary"), StreamDeadlines.DEFAULT);

        AccessConfig access = config.access();
        assertThat(access.allowAnonymous()).isFalse();
        assertThat(access.trustedProxies()).containsExactly("127.0.0.1");
        assertThat(access.plans()).containsOnlyKeys("free", "pro");
        assertThat(access.plans().get("free").limits().dailyUsd()).contains(new BigDecimal("0.05"));
        assertThat(access.plans().get("free").models()).containsExactly("deepseek-v3.2");
        assertThat(access.defaultUserPlan().name()).isEqualTo("free");
        assertThat(access.anonymousPlan().limits().requestsPerMinute()).hasValue(30);
        UserTokenConfig tokens = access.userTokens().orElseThrow();
        assertThat(tokens.jwksUrl()).contains(URI.create("https://login.example.com/.well-known/jwks.json"));
        assertThat(tokens.audiences()).containsExactly("writer");
        assertThat(tokens.leeway()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void withoutTheSectionOnlyTheGatewaysOwnMachineIsServedAnonymously() throws IOException {
        AccessConfig access = read(ENDPOINT).access();

        assertThat(access).isEqualTo(AccessConfig.DEFAULT);
        assertThat(access.allowAnonymous()).isFalse();
    }

    @Test
    void flagsOpenTheGatewayAndAddProxiesAndTheMetricsToken() throws IOException {
        AccessConfig access = read(ENDPOINT + "access: {trusted_proxies: [10.0.0.0/8]}\n").access()
                .withFlags(true, List.of("127.0.0.1"), Optional.of("scrape-token"));

        assertThat(access.allowAnonymous()).isTrue();
        assertThat(access.trustedProxies()).containsExactly("10.0.0.0/8", "127.0.0.1");
        assertThat(access.metricsToken()).contains("scrape-token");
        assertThat(access.toString()).doesNotContain("scrape-token");
    }

    @Test
    void readsTheSharedSecretOnlyFromTheVariableTheFileNames() throws IOException {
        Path file = write(ENDPOINT + "access: {jwt: {hs256_secret_env: LOGIN_SECRET, issuer: i, audience: [a]}}\n");

        UserTokenConfig tokens = ConfigFile.read(file, Map.of("LOGIN_SECRET", "s3cret-of-the-login-at-least-32-bytes"),
                StreamDeadlines.DEFAULT).access().userTokens().orElseThrow();

        assertThat(tokens.hs256Secret()).contains("s3cret-of-the-login-at-least-32-bytes");
        assertThat(tokens.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> ConfigFile.read(file, Map.of(), StreamDeadlines.DEFAULT))
                .hasMessageContaining("LOGIN_SECRET, which is not set");
    }

    @Test
    void saysExactlyWhatIsWrongWithTheSection() throws IOException {
        assertThatThrownBy(() -> read(ENDPOINT + "access: {jwt: {issuer: i, audience: [a]}}\n"))
                .hasMessageContaining("exactly one of jwks_url");
        assertThatThrownBy(() -> read(ENDPOINT + "access: {jwt: {jwks_url: 'https://l/jwks', audience: [a]}}\n"))
                .hasMessageContaining("needs issuer and audience");
        assertThatThrownBy(() -> read(ENDPOINT
                + "access: {plans: {free: {rpm: 1}}, jwt: {jwks_url: 'https://l/j', issuer: i, audience: [a], "
                + "default_plan: gold}}\n")).hasMessageContaining("default_plan 'gold' is not one of access.plans [free]");
        assertThatThrownBy(() -> read(ENDPOINT + "access: {plans: {free: {rpm: 0}}}\n"))
                .hasMessageContaining("access.plans.free: requests per minute must be at least 1");
        assertThatThrownBy(() -> read(ENDPOINT + "access: {anonymous: {daily_usd: -1}}\n"))
                .hasMessageContaining("access.anonymous: daily budget cannot be negative");
    }

    private FileConfig read(String yaml) throws IOException {
        return ConfigFile.read(write(yaml), Map.of(), StreamDeadlines.DEFAULT);
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("sheepdog.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
