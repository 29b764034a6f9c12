package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.util.Set;

class ScriptedCompletionProviderContractTest extends CompletionProviderContract {

    @Override
    protected CompletionProvider createProvider() {
        return new ScriptedCompletionProvider();
    }

    @Override
    protected Endpoint endpoint() {
        return new Endpoint(new EndpointId("scripted"), ScriptedCompletionProvider.NAME,
                URI.create("http://scripted.test/v1"), Set.of(), StreamDeadlines.DEFAULT);
    }

    @Override
    protected CompletionRequest request() {
        return Requests.ask("gpt-4.1", "Say hello");
    }
}
