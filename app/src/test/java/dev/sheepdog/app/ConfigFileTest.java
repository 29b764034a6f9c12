package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFileTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("HOLYSHEEP_KEY_PRIMARY", "sk-primary",
            "HOLYSHEEP_KEY_CANARY", "sk-canary", "OPENAI_API_KEY", "sk-openai");

    @TempDir
    Path dir;

    @Test
    void readsTheDocumentedExample() throws IOException {
        Path example = Path.of("..", "docs", "sheepdog.example.yaml");

        FileConfig config = ConfigFile.read(example, ENVIRONMENT, StreamDeadlines.DEFAULT);

        assertThat(config.endpoints()).extracting(Endpoint::id).extracting(EndpointId::value)
                .containsExactly("holysheep", "holysheep-canary", "openai-shadow", "local");
        assertThat(config.plan().roles()).containsEntry(new EndpointId("holysheep-canary"), EndpointRole.CANARY);
        assertThat(config.plan().canaryWeight()).isEqualTo(0.1);
        assertThat(config.seedKeys().get(new EndpointId("holysheep"))).containsExactly("sk-primary");
        assertThat(config.seedKeys().get(new EndpointId("holysheep-canary"))).containsExactly("sk-canary");
        assertThat(config.seedKeys().get(new EndpointId("openai-shadow"))).containsExactly("sk-openai");
        assertThat(config.canary().p95Slo()).contains(Duration.ofMillis(800));
    }

    @Test
    void fillsWhatAnEntryLeavesOutWithTheDefaults() throws IOException {
        FileConfig config = read("""
                endpoints:
                  - id: only
                    base_url: https://api.holysheep.ai/v1
                    role: primary
                """);

        Endpoint only = config.endpoints().getFirst();
        assertThat(only.provider()).isEqualTo("openai");
        assertThat(only.models()).isEmpty();
        assertThat(only.deadlines()).isEqualTo(StreamDeadlines.DEFAULT);
        assertThat(only.circuit()).isEqualTo(CircuitPolicy.DEFAULT);
        assertThat(config.canary()).isEqualTo(CanaryPolicy.DEFAULT);
        assertThat(config.plan().maxConcurrentShadows()).isEqualTo(16);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no primary | role: canary | exactly one endpoint can have role primary",
        "unknown role | role: leader | endpoints[0].role is 'leader'",
        "bad url | 'role: primary\n    base_url: ftp://x' | endpoints[0].base_url must be an http or https URL",
        "weight out of range | 'role: canary\n    weight: 1.5' | is 1.5; it must be between 0 and 1",
        "unknown field | 'role: primary\n    wieght: 0.1' | Unrecognized field \"wieght\"",
        "bad duration | 'role: primary\n    deadlines: {first_token: soon}' | 'soon' is not a duration",
        "unknown deadline | 'role: primary\n    deadlines: {first: 5s}' | has no 'first'"})
    void saysExactlyWhatIsWrong(String name, String endpoint, String message) throws IOException {
        String yaml = "endpoints:\n  - id: e\n    base_url: https://api.holysheep.ai/v1\n    " + endpoint + "\n";

        assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigFileException.class).hasMessageContaining(message)
                .hasMessageContaining("sheepdog.yaml");
    }

    @Test
    void theDefaultKeysOfThePrimaryAreHolySheepsVariables() throws IOException {
        FileConfig config = read("endpoints:\n  - id: p\n    base_url: https://x.example/v1\n    role: primary\n");

        assertThat(config.seedKeys().get(new EndpointId("p"))).containsExactly("sk-primary");
    }

    @Test
    void neverPutsASecretInTheConfigurationsDescription() {
        FileConfig config = ConfigFile.read(Path.of("..", "docs", "sheepdog.example.yaml"), ENVIRONMENT,
                StreamDeadlines.DEFAULT);

        assertThat(config.toString()).doesNotContain("sk-primary", "sk-canary", "sk-openai");
    }

    private FileConfig read(String yaml) throws IOException {
        Path file = dir.resolve("sheepdog.yaml");
        Files.writeString(file, yaml);
        return ConfigFile.read(file, ENVIRONMENT, StreamDeadlines.DEFAULT);
    }
}
