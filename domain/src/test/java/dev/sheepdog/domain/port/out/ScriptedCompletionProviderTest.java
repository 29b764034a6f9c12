package dev.sheepdog.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.ProviderException;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScriptedCompletionProviderTest {

    private final ScriptedCompletionProvider provider = new ScriptedCompletionProvider();
    private final Endpoint endpoint = new Endpoint(new EndpointId("primary"), ScriptedCompletionProvider.NAME,
            URI.create("http://primary.test/v1"), Set.of(), StreamDeadlines.DEFAULT);
    private final ApiKey key = ApiKey.of("sk-test");

    @Test
    void opensTheScriptedStreamsInOrderAndRecordsEachOpening() {
        ScriptedStream first = ScriptedStream.answering("one");
        ScriptedStream second = ScriptedStream.answering("two");
        provider.willAnswer(first, second);
        CompletionRequest request = Requests.ask("gpt-4.1", "Hi");

        provider.open(endpoint, key, request);
        provider.open(endpoint, key, request);

        assertThat(provider.openings()).extracting(ScriptedCompletionProvider.Opening::stream)
                .containsExactly(first, second);
        assertThat(provider.lastOpening())
                .isEqualTo(new ScriptedCompletionProvider.Opening(endpoint, key, request, second));
    }

    @Test
    void answersWhenNothingWasScripted() {
        assertThat(provider.open(endpoint, key, Requests.ask("gpt-4.1", "Hi"))).isInstanceOf(ScriptedStream.class);
    }

    @Test
    void listsTheScriptedModelsOrFailsAsScripted() {
        provider.willListModels(new ModelInfo("gpt-4.1", "openai"));
        assertThat(provider.listModels(endpoint, key, Duration.ofSeconds(1)))
                .containsExactly(new ModelInfo("gpt-4.1", "openai"));

        provider.willFailListingModels(CompletionFailure.of(FailureKind.UPSTREAM_AUTH, "refused"));
        assertThatThrownBy(() -> provider.listModels(endpoint, key, Duration.ofSeconds(1)))
                .isInstanceOf(ProviderException.class);
        assertThat(provider.listings()).hasSize(2)
                .allSatisfy(listing -> assertThat(listing.key()).isEqualTo(key));
    }
}
