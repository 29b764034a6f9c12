package dev.sheepdog.adapter.out.holysheep;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.CircuitState;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.providers.circuit.CircuitBreakingProvider;
import dev.sheepdog.providers.circuit.CircuitCounts;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One endpoint id with one circuit policy, served both by a {@link ScriptedUpstream} (streams that
 * complete, break or stall) and by WireMock (HTTP statuses), on a clock the test moves.
 */
final class CircuitHarness implements AutoCloseable {

    static final String COMPLETIONS = "/v1/chat/completions";

    final ManualClock clock = new ManualClock();
    private final CircuitBreakingProvider provider =
            new CircuitBreakingProvider(new HolySheepCompletionProvider(clock), clock);
    private final WireMockExtension statuses;
    private final CircuitPolicy policy;
    private final AtomicInteger scriptedRequests = new AtomicInteger();
    private final ScriptedUpstream scripted;
    private volatile BreakerCall scripting = BreakerCall.COMPLETE;

    CircuitHarness(WireMockExtension statuses, CircuitPolicy policy) throws IOException {
        this.statuses = statuses;
        this.policy = policy;
        this.scripted = new ScriptedUpstream(response -> {
            scriptedRequests.incrementAndGet();
            scripting.play(response);
        });
    }

    /** Makes one call of that kind and returns what its reader saw. */
    List<CompletionEvent> make(BreakerCall call) throws InterruptedException {
        if (call.status() != 0) {
            statuses.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(call.status())));
            return Streams.drain(provider.open(Circuits.endpoint(URI.create(statuses.baseUrl() + "/v1"), policy),
                    ApiKey.NONE, Requests.streaming()));
        }
        CompletionStream stream = open(call);
        if (call != BreakerCall.CLOSED_EARLY) {
            return Streams.drain(stream);
        }
        stream.poll(Duration.ofMillis(30));
        stream.close();
        return List.of(stream.poll(Duration.ZERO).orElseThrow());
    }

    /** Opens a call the scripted provider plays, without reading it. */
    CompletionStream open(BreakerCall call) {
        scripting = call;
        return provider.open(Circuits.endpoint(scripted.baseUrl(), policy), ApiKey.NONE, Requests.streaming());
    }

    /** Opens a call as the domain's half-open trial of an open circuit, without reading it. */
    CompletionStream openTrial(BreakerCall call) {
        scripting = call;
        return provider.openTrial(Circuits.endpoint(scripted.baseUrl(), policy), ApiKey.NONE, Requests.streaming());
    }

    void openTheCircuit() throws InterruptedException {
        for (int i = 0; i < policy.minimumCalls(); i++) {
            Circuits.assertNotRefused(make(BreakerCall.CUT_BEFORE_ANY_CHUNK));
        }
        assertThat(state()).isEqualTo(CircuitState.OPEN);
    }

    CircuitState state() {
        return provider.circuitState(Circuits.endpoint(scripted.baseUrl(), policy));
    }

    CircuitCounts counts() {
        return provider.counts(Circuits.endpoint(scripted.baseUrl(), policy));
    }

    int scriptedRequests() {
        return scriptedRequests.get();
    }

    @Override
    public void close() throws IOException {
        scripted.close();
    }
}
