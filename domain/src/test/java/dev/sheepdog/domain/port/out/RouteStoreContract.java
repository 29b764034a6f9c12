package dev.sheepdog.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.CanaryDecision;
import dev.sheepdog.domain.model.CanaryDecision.Action;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.WindowSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RouteStore} promises; each implementation runs it on a fresh, empty store. */
public abstract class RouteStoreContract {

    public static final EndpointId PRIMARY = new EndpointId("holysheep-primary");
    public static final EndpointId CANARY = new EndpointId("holysheep-canary");
    public static final EndpointId SHADOW = new EndpointId("deepseek.shadow");
    public static final EndpointId STANDBY = new EndpointId("holysheep_v1-standby");
    private static final Instant AT = Instant.parse("2026-03-01T09:15:30.123456789Z");

    /** Enough that unserialized read-modify-writes would lose some, few enough for a database's round trips. */
    private static final int RACING_UPDATES = 40;

    protected RouteStore store;

    /** A fresh store with nothing in it. */
    protected abstract RouteStore createStore();

    /** The store as the next process to start would see it; the default, for stores without one, is itself. */
    protected RouteStore reopen(RouteStore current) throws Exception {
        return current;
    }

    /**
     * The same stored state as another gateway sharing it sees it: a second instance over the same backing
     * store. The default, for stores one process holds alone, is the store itself.
     */
    protected RouteStore sameStoreElsewhere(RouteStore current) {
        return current;
    }

    @BeforeEach
    void createTheStore() {
        store = createStore();
    }

    @AfterEach
    void closeTheStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** A rollout midway: every role, a weight with no short decimal form, and decisions with awkward numbers. */
    public static RouteState sampleState() {
        WindowSummary primary = new WindowSummary(1_204, Map.of(FailureKind.UPSTREAM_UNAVAILABLE, 2L,
                FailureKind.RATE_LIMITED, 7L, FailureKind.FIRST_TOKEN_TIMEOUT, 1L), Duration.ofNanos(412_345_678),
                Duration.ofMillis(1_250), Duration.ofSeconds(3, 999_999_999), 41.73);
        WindowSummary canary = new WindowSummary(311, Map.of(FailureKind.STREAM_TRUNCATED, Long.MAX_VALUE),
                Duration.ofNanos(1), Duration.ofHours(2).plusNanos(5), Duration.ofDays(3), 0.1 + 0.2);
        List<CanaryDecision> decisions = List.of(
                new CanaryDecision(AT, Action.WAIT, 0.1, 0.1, primary, WindowSummary.EMPTY, "too few requests: 0 < 50"),
                new CanaryDecision(AT.plusNanos(1), Action.STEP_UP, 0.1, 0.2 + 0.1, primary, canary,
                        "healthy for 3 evaluations; \"p95\" 1.25s ≤ 1.3 × primary\nnext line"),
                new CanaryDecision(Instant.EPOCH, Action.SET_WEIGHT, 1.0, 0.0, WindowSummary.EMPTY,
                        WindowSummary.EMPTY, ""),
                new CanaryDecision(AT.plusSeconds(86_400), Action.PAUSE, 0.0, 0.0, canary, primary, "operator"));
        return new RouteState(Map.of(PRIMARY, EndpointRole.PRIMARY, CANARY, EndpointRole.CANARY,
                SHADOW, EndpointRole.SHADOW, STANDBY, EndpointRole.STANDBY), 0.1 + 0.2, true, 2, 1, decisions);
    }

    /** One decision of each action, as many as are kept, each with its own numbers. */
    public static RouteState stateWithEveryDecisionKept() {
        Action[] actions = Action.values();
        List<CanaryDecision> decisions = IntStream.range(0, RouteState.DECISIONS_KEPT).mapToObj(i -> {
            FailureKind kind = FailureKind.values()[i % FailureKind.values().length];
            WindowSummary window = new WindowSummary(i, Map.of(kind, i + 1L), Duration.ofMillis(i),
                    Duration.ofNanos(i * 1_000_003L), Duration.ofSeconds(i), i / 7.0);
            return new CanaryDecision(AT.plusNanos(i), actions[i % actions.length], i / 50.0, (i + 1) / 50.0,
                    window, WindowSummary.EMPTY, "decision " + i);
        }).toList();
        return new RouteState(Map.of(PRIMARY, EndpointRole.PRIMARY), 1.0, false, 0, 0, decisions);
    }

    @Test
    void loadsNothingWhenNothingWasEverSaved() {
        assertThat(store.load()).isEmpty();
    }

    @Test
    void loadsTheSavedStateWithEveryDecisionAndItsNumbersExactly() {
        store.save(sampleState());

        assertSameState(store.load(), sampleState());
    }

    @Test
    void loadsAsManyDecisionsAsAreKeptInTheirOrder() {
        store.save(stateWithEveryDecisionKept());

        assertSameState(store.load(), stateWithEveryDecisionKept());
    }

    @Test
    void loadsAStateWithNoEndpointsAndNoDecisions() {
        RouteState bare = new RouteState(Map.of(), 0.0, false, 0, 0, List.of());

        store.save(bare);

        assertSameState(store.load(), bare);
    }

    @Test
    void aLaterSaveReplacesTheWholeState() {
        store.save(sampleState());
        RouteState promoted = new RouteState(Map.of(CANARY, EndpointRole.PRIMARY, PRIMARY, EndpointRole.STANDBY),
                1.0, false, 0, 0, List.of(sampleState().decisions().getLast()));

        store.save(promoted);

        assertSameState(store.load(), promoted);
    }

    @Test
    void keepsWhatWasSavedForTheNextProcess() throws Exception {
        store.save(sampleState());

        store = reopen(store);

        assertSameState(store.load(), sampleState());
    }

    @Test
    void concurrentSavesLeaveOneWholeSaveNeverAMix() throws Exception {
        List<RouteState> saves = IntStream.range(0, 8).mapToObj(i -> new RouteState(
                Map.of(PRIMARY, EndpointRole.PRIMARY, CANARY, EndpointRole.CANARY), i / 8.0, i % 2 == 0, i, i,
                sampleState().decisions().subList(0, i % 4))).toList();

        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            saves.forEach(state -> done.add(threads.submit(() -> store.save(state))));
            for (Future<?> save : done) {
                save.get();
            }
        }

        assertThat(saves).contains(store.load().orElseThrow());
    }

    @Test
    void anUpdateChangesTheStateStoredNowAndReturnsIt() {
        store.save(sampleState());

        RouteState updated = store.update(stored -> withHealthyStreak(stored.orElseThrow(), 7));

        assertThat(updated).isEqualTo(withHealthyStreak(sampleState(), 7));
        assertSameState(store.load(), withHealthyStreak(sampleState(), 7));
    }

    @Test
    void anUpdateOfAStoreWhereNothingWasEverSavedIsGivenNothing() {
        List<Optional<RouteState>> given = new ArrayList<>();

        store.update(stored -> {
            given.add(stored);
            return sampleState();
        });

        assertThat(given).containsExactly(Optional.empty());
        assertSameState(store.load(), sampleState());
    }

    @Test
    void anUpdateWhoseChangeFailsChangesNothing() {
        store.save(sampleState());
        IllegalStateException refused = new IllegalStateException("refused by the change");

        assertThatThrownBy(() -> store.update(stored -> {
            throw refused;
        })).isSameAs(refused);

        assertSameState(store.load(), sampleState());
    }

    @Test
    void concurrentUpdatesThroughTwoInstancesOfTheStoreLoseNone() throws Exception {
        store.save(withHealthyStreak(sampleState(), 0));
        RouteStore[] instances = {store, sameStoreElsewhere(store)};
        AtomicInteger next = new AtomicInteger();

        Together.successes(RACING_UPDATES, () -> {
            instances[next.getAndIncrement() % 2].update(stored ->
                    withHealthyStreak(stored.orElseThrow(), stored.orElseThrow().healthyStreak() + 1));
            return true;
        });

        assertThat(store.load().orElseThrow().healthyStreak()).isEqualTo(RACING_UPDATES);
    }

    private static RouteState withHealthyStreak(RouteState state, int streak) {
        return new RouteState(state.roles(), state.canaryWeight(), state.paused(), streak, state.unhealthyStreak(),
                state.decisions());
    }

    /** Field by field for a readable failure, then whole: records compare doubles, durations and instants exactly. */
    public static void assertSameState(Optional<RouteState> loaded, RouteState saved) {
        assertThat(loaded).isPresent();
        RouteState actual = loaded.orElseThrow();
        assertThat(actual.roles()).as("roles").isEqualTo(saved.roles());
        assertThat(actual.canaryWeight()).as("canary weight").isEqualTo(saved.canaryWeight());
        assertThat(actual.paused()).as("paused").isEqualTo(saved.paused());
        assertThat(actual.healthyStreak()).as("healthy streak").isEqualTo(saved.healthyStreak());
        assertThat(actual.unhealthyStreak()).as("unhealthy streak").isEqualTo(saved.unhealthyStreak());
        assertThat(actual.decisions()).as("decisions").hasSameSizeAs(saved.decisions());
        for (int i = 0; i < saved.decisions().size(); i++) {
            assertThat(actual.decisions().get(i)).as("decision %d", i).isEqualTo(saved.decisions().get(i));
        }
        assertThat(actual).isEqualTo(saved);
    }
}
