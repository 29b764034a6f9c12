package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The HolySheep adapter keeps every promise of a {@link CompletionProvider}, against a real HTTP provider. */
class HolySheepCompletionProviderContractTest extends CompletionProviderContract {

    private final ScriptedUpstream upstream;

    HolySheepCompletionProviderContractTest() throws IOException {
        upstream = new ScriptedUpstream(response -> {
            response.streamHeaders().chunk("Xin");
            Thread.sleep(50); // leaves time to close the stream before its end
            response.chunk(" chào").finish()
                    .write("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\n")
                    .write("data: [DONE]\n\n").end();
        });
    }

    @AfterEach
    void stopUpstream() {
        try {
            upstream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected CompletionProvider createProvider() {
        return new HolySheepCompletionProvider(Clock.systemUTC());
    }

    @Override
    protected Endpoint endpoint() {
        return Streams.endpoint(upstream.baseUrl());
    }

    @Override
    protected CompletionRequest request() {
        return Requests.streaming();
    }

    @Override
    protected ApiKey key() {
        return ApiKey.of("sk-contract");
    }
}
