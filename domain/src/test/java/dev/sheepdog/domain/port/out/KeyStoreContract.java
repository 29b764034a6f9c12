package dev.sheepdog.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.model.StoredKeys;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** What every {@link KeyStore} promises; each implementation runs it on a fresh, empty store. */
public abstract class KeyStoreContract {

    public static final EndpointId PRIMARY = new EndpointId("holysheep-primary");
    public static final EndpointId CANARY = new EndpointId("holysheep-canary");
    private static final Instant ADDED = Instant.parse("2026-03-01T09:15:30.123456789Z");

    /** Enough that unserialized read-modify-writes would lose some, few enough for a database's round trips. */
    private static final int RACING_UPDATES = 40;

    protected KeyStore store;

    /** A fresh store with nothing in it. */
    protected abstract KeyStore createStore();

    /** The store as the next process to start would see it; the default, for stores without one, is itself. */
    protected KeyStore reopen(KeyStore current) throws Exception {
        return current;
    }

    /**
     * The same stored keys as another gateway sharing them sees them: a second instance over the same
     * backing store. The default, for stores one process holds alone, is the store itself.
     */
    protected KeyStore sameStoreElsewhere(KeyStore current) {
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

    /** Keys in every state, with and without each optional field, out of any natural order. */
    public static Map<EndpointId, List<StoredKey>> sampleKeys() {
        StoredKey rotatedIn = new StoredKey(ApiKey.of("sk-zz-new-\"quoted\"\\slash-ключ"), KeyState.ACTIVE,
                ADDED.plusSeconds(60), Optional.of(ApiKey.of("sk-aa-old").fingerprint()), Optional.empty(), Optional.empty());
        StoredKey retiring = new StoredKey(ApiKey.of("sk-aa-old"), KeyState.RETIRING, ADDED,
                Optional.empty(), Optional.of(ADDED.plusSeconds(60)), Optional.empty());
        StoredKey cooling = new StoredKey(ApiKey.of("sk-mm-cooling"), KeyState.COOLING, ADDED.plusMillis(1),
                Optional.empty(), Optional.empty(), Optional.of(Instant.parse("2026-03-01T09:16:00Z")));
        StoredKey disabled = new StoredKey(ApiKey.of("sk-bb-disabled"), KeyState.DISABLED, Instant.EPOCH,
                Optional.empty(), Optional.empty(), Optional.empty());
        Map<EndpointId, List<StoredKey>> keys = new LinkedHashMap<>();
        keys.put(PRIMARY, List.of(rotatedIn, retiring, cooling));
        keys.put(CANARY, List.of(disabled, StoredKey.active(ApiKey.of("sk-aa-canary"), ADDED)));
        return keys;
    }

    /** Every secret in {@link #sampleKeys()}. */
    public static List<String> sampleSecrets() {
        return sampleKeys().values().stream().flatMap(List::stream).map(stored -> stored.key().reveal()).toList();
    }

    @Test
    void loadsNothingWhenNothingWasEverSaved() {
        assertThat(store.load()).isEmpty();
    }

    @Test
    void loadsEveryEndpointAndKeyAsSavedInTheSavedOrder() {
        Map<EndpointId, List<StoredKey>> saved = sampleKeys();

        store.save(saved);

        assertSameKeys(store.load(), saved);
    }

    @Test
    void keepsWhatWasSavedForTheNextProcess() throws Exception {
        store.save(sampleKeys());

        store = reopen(store);

        assertSameKeys(store.load(), sampleKeys());
    }

    @Test
    void keepsAnEndpointThatHasNoKeys() {
        store.save(Map.of(PRIMARY, List.of()));

        assertThat(store.load()).containsOnlyKeys(PRIMARY).containsEntry(PRIMARY, List.of());
    }

    @Test
    void aLaterSaveReplacesEveryEndpointAndKey() {
        store.save(sampleKeys());
        StoredKey only = StoredKey.active(ApiKey.of("sk-only"), ADDED);

        store.save(Map.of(PRIMARY, List.of(only)));

        assertSameKeys(store.load(), Map.of(PRIMARY, List.of(only)));
    }

    @Test
    void savingNothingEmptiesTheStore() {
        store.save(sampleKeys());

        store.save(Map.of());

        assertThat(store.load()).isEmpty();
    }

    @Test
    void whatIsLoadedDoesNotChangeWhenWhatWasSavedOrLoadedIsChangedLater() {
        Map<EndpointId, List<StoredKey>> saved = new LinkedHashMap<>();
        sampleKeys().forEach((endpoint, keys) -> saved.put(endpoint, new ArrayList<>(keys)));
        store.save(saved);

        saved.get(PRIMARY).removeFirst();
        saved.remove(CANARY);
        tryToChange(store.load());

        assertSameKeys(store.load(), sampleKeys());
    }

    @Test
    void concurrentSavesLeaveOneWholeSaveNeverAMix() throws Exception {
        List<Map<EndpointId, List<StoredKey>>> saves = IntStream.range(0, 8).mapToObj(i -> Map.of(
                PRIMARY, List.of(StoredKey.active(ApiKey.of("sk-primary-" + i), ADDED)),
                CANARY, List.of(StoredKey.active(ApiKey.of("sk-canary-" + i), ADDED)))).toList();

        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            saves.forEach(keys -> done.add(threads.submit(() -> store.save(keys))));
            for (Future<?> save : done) {
                save.get();
            }
        }

        assertThat(saves).contains(store.load());
    }

    @Test
    void recordsTheBaseUrlEachEndpointsKeysWereSavedForUntilTheNextProcess() throws Exception {
        store.save(sampleKeys(), Map.of(PRIMARY, URI.create("https://api.holysheep.ai/v1")));

        store = reopen(store);

        assertSameKeys(store.load(), sampleKeys());
        assertThat(store.baseUrls()).containsExactly(Map.entry(PRIMARY, URI.create("https://api.holysheep.ai/v1")));
    }

    @Test
    void aSaveWithoutBaseUrlsKeepsTheOnesRecordedForTheEndpointsItKeeps() {
        store.save(sampleKeys(), Map.of(PRIMARY, URI.create("https://a.example/v1"),
                CANARY, URI.create("https://b.example/v1")));

        store.save(Map.of(PRIMARY, List.of(StoredKey.active(ApiKey.of("sk-only"), ADDED))));

        assertThat(store.baseUrls()).containsExactly(Map.entry(PRIMARY, URI.create("https://a.example/v1")));
    }

    @Test
    void hasNoBaseUrlWhenNothingWasEverSaved() {
        assertThat(store.baseUrls()).isEmpty();
    }

    @Test
    void anUpdateChangesWhatIsStoredNowAndReturnsIt() {
        store.save(sampleKeys(), Map.of(CANARY, URI.create("https://b.example/v1")));
        StoredKey added = StoredKey.active(ApiKey.of("sk-added"), ADDED);

        StoredKeys updated = store.update(stored -> stored.with(PRIMARY, append(stored.of(PRIMARY), added),
                Optional.of(URI.create("https://a.example/v1"))));

        Map<EndpointId, List<StoredKey>> expected = sampleKeys();
        expected.put(PRIMARY, append(expected.get(PRIMARY), added));
        assertSameKeys(updated.keys(), expected);
        assertSameKeys(store.load(), expected);
        assertThat(store.baseUrls()).isEqualTo(updated.baseUrls()).containsOnly(
                Map.entry(PRIMARY, URI.create("https://a.example/v1")), Map.entry(CANARY, URI.create("https://b.example/v1")));
    }

    @Test
    void anUpdateOfAStoreWhereNothingWasEverSavedStartsFromNothing() {
        List<StoredKeys> given = new ArrayList<>();

        store.update(stored -> {
            given.add(stored);
            return stored.with(PRIMARY, List.of(StoredKey.active(ApiKey.of("sk-first"), ADDED)), Optional.empty());
        });

        assertThat(given).containsExactly(StoredKeys.NONE);
        assertSameKeys(store.load(), Map.of(PRIMARY, List.of(StoredKey.active(ApiKey.of("sk-first"), ADDED))));
    }

    @Test
    void anUpdateWhoseChangeFailsChangesNothing() {
        store.save(sampleKeys());
        IllegalStateException refused = new IllegalStateException("refused by the change");

        assertThatThrownBy(() -> store.update(stored -> {
            throw refused;
        })).isSameAs(refused);

        assertSameKeys(store.load(), sampleKeys());
    }

    @Test
    void concurrentUpdatesThroughTwoInstancesOfTheStoreLoseNone() throws Exception {
        KeyStore[] instances = {store, sameStoreElsewhere(store)};
        AtomicInteger next = new AtomicInteger();

        Together.successes(RACING_UPDATES, () -> {
            int i = next.getAndIncrement();
            StoredKey mine = StoredKey.active(ApiKey.of("sk-racer-" + i), ADDED);
            instances[i % 2].update(stored -> stored.with(PRIMARY, append(stored.of(PRIMARY), mine), Optional.empty()));
            return true;
        });

        assertThat(store.load().get(PRIMARY)).extracting(key -> key.key().reveal()).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, RACING_UPDATES).mapToObj(i -> "sk-racer-" + i).toList());
    }

    private static List<StoredKey> append(List<StoredKey> keys, StoredKey key) {
        List<StoredKey> appended = new ArrayList<>(keys);
        appended.add(key);
        return appended;
    }

    /** Same endpoints, and per endpoint the same keys in the same order, compared field by field. */
    public static void assertSameKeys(Map<EndpointId, List<StoredKey>> loaded, Map<EndpointId, List<StoredKey>> saved) {
        assertThat(loaded).containsOnlyKeys(saved.keySet());
        saved.forEach((endpoint, keys) -> {
            List<StoredKey> actual = loaded.get(endpoint);
            assertThat(actual).as("keys of %s", endpoint).hasSameSizeAs(keys);
            for (int i = 0; i < keys.size(); i++) {
                StoredKey expected = keys.get(i);
                assertThat(actual.get(i).key()).as("key %d of %s", i, endpoint).isEqualTo(expected.key());
                assertThat(actual.get(i).key().fingerprint()).isEqualTo(expected.key().fingerprint());
                assertThat(actual.get(i)).as("key %d of %s", i, endpoint).isEqualTo(expected);
            }
        });
    }

    private static void tryToChange(Map<EndpointId, List<StoredKey>> loaded) {
        try {
            loaded.get(PRIMARY).clear();
        } catch (UnsupportedOperationException unmodifiable) {
            // a store may hand out unmodifiable lists; then there is nothing to change
        }
        try {
            loaded.clear();
        } catch (UnsupportedOperationException unmodifiable) {
            // likewise for the map
        }
    }
}
