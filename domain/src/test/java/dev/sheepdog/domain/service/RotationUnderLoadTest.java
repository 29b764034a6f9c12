package dev.sheepdog.domain.service;

import static dev.sheepdog.domain.port.out.ScriptedEvents.chunk;
import static dev.sheepdog.domain.port.out.ScriptedEvents.end;
import static dev.sheepdog.domain.port.out.ScriptedEvents.finish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.ModelInfo;
import dev.sheepdog.domain.model.Requests;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.CompletionProviderContract;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.ScriptedStream;
import dev.sheepdog.domain.port.out.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Keys are rotated while streams run: no stream fails or switches key, and old keys leave the store. */
class RotationUnderLoadTest {

    private static final int STREAMS = 200;
    private static final int ROTATIONS = 20;
    private static final int TOKENS = 20;
    private static final Endpoint HOLYSHEEP = CompletionServiceTest.endpoint("holysheep", "slow");
    // No probation: an old key may leave as soon as its last stream is over.
    private static final KeyPolicy POLICY = new KeyPolicy(Duration.ZERO, Duration.ofMinutes(10),
            Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(30));

    private final SlowProvider provider = new SlowProvider();
    private final InMemoryKeyStore store = new InMemoryKeyStore();
    private final Clock clock = Clock.systemUTC();
    private final KeyRing ring = new KeyRing(store, POLICY, clock, new Endpoints(List.of(HOLYSHEEP)).ids(),
            Map.of("slow", provider), Telemetry.NONE);
    private final CompletionService completions = Gateways.completions(List.of(HOLYSHEEP),
            Map.of("slow", provider), ring, Telemetry.NONE, clock);
    private final KeyService keys = new KeyService(ring, new Endpoints(List.of(HOLYSHEEP)), Map.of("slow", provider),
            POLICY, clock);

    @Test
    void rotatingTwentyTimesUnderTwoHundredStreamsDropsNothing() throws Exception {
        ring.useConfiguredKeys(Map.of(HOLYSHEEP.id(), List.of(ApiKey.of("sk-rotation-0"))));
        List<Future<List<CompletionEvent>>> streams = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int rotation = 1; rotation <= ROTATIONS; rotation++) {
                for (int i = 0; i < STREAMS / ROTATIONS; i++) {
                    CompletionRequest request = Requests.ask("deepseek-v3.2", "stream " + streams.size());
                    streams.add(clients.submit(() -> CompletionProviderContract.drain(
                            completions.stream(request, new CallerId("writer")))));
                }
                Thread.sleep(15);
                String current = activeFingerprint();
                keys.rotateKey(HOLYSHEEP.id(), current, ApiKey.of("sk-rotation-" + rotation), "load-test");
            }
        }
        ring.sweep();

        for (Future<List<CompletionEvent>> stream : streams) {
            List<CompletionEvent> events = stream.get();
            assertThat(events).last().isInstanceOf(CompletionEvent.End.class);
            assertThat(events).filteredOn(event -> event instanceof CompletionEvent.Chunk chunk
                    && !chunk.text().isEmpty()).hasSize(TOKENS);
        }
        assertThat(provider.openedKeys).as("one key per stream, never a second attempt").hasSize(STREAMS);
        assertThat(store.load().get(HOLYSHEEP.id())).extracting(StoredKey::key, StoredKey::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ApiKey.of("sk-rotation-20"), KeyState.ACTIVE));
        assertThat(new HashSet<>(provider.openedKeys)).as("the rotations happened while streams ran")
                .hasSizeGreaterThan(ROTATIONS / 2);
    }

    private String activeFingerprint() {
        return ring.pool(HOLYSHEEP.id()).statuses().stream().filter(key -> key.state() == KeyState.ACTIVE)
                .findFirst().orElseThrow().fingerprint();
    }

    /** A provider whose answers take a while: 20 tokens, 10 ms apart. */
    private static final class SlowProvider implements CompletionProvider {
        final Queue<ApiKey> openedKeys = new ConcurrentLinkedQueue<>();

        @Override
        public CompletionStream open(Endpoint endpoint, ApiKey key, CompletionRequest request) {
            openedKeys.add(key);
            ScriptedStream stream = ScriptedStream.of();
            for (int i = 0; i < TOKENS; i++) {
                stream.thenAfter(Duration.ofMillis(10), chunk("t"));
            }
            return stream.then(finish("stop")).then(end());
        }

        @Override
        public List<ModelInfo> listModels(Endpoint endpoint, ApiKey key, Duration timeout) {
            return List.of(new ModelInfo("deepseek-v3.2", "holysheep"));
        }
    }
}
