package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.Telemetry;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyRingSeedingTest {

    private static final EndpointId ENDPOINT = new EndpointId("holysheep");
    private static final URI REAL = URI.create("https://api.holysheep.ai/v1");
    private static final URI OTHER = URI.create("http://127.0.0.1:9/v1");

    @Test
    void withNoKeyToSeedTheStoreIsNotWrittenAtAll() {
        KeyRing ring = new KeyRing(new FailingKeyStore(new InMemoryKeyStore()), KeyPolicy.DEFAULT, new ManualClock(),
                Set.of(ENDPOINT), Map.of(), Telemetry.NONE);

        ring.useConfiguredKeys(Map.of(ENDPOINT, List.of()));

        assertThat(ring.lease(ENDPOINT)).hasValueSatisfying(lease -> assertThat(lease.key().isNone()).isTrue());
    }

    @Test
    void aKeyToSeedIsWrittenBeforeItIsUsed() {
        InMemoryKeyStore store = new InMemoryKeyStore();
        KeyRing ring = new KeyRing(store, KeyPolicy.DEFAULT, new ManualClock(), Set.of(ENDPOINT), Map.of(),
                Telemetry.NONE);

        ring.useConfiguredKeys(Map.of(ENDPOINT, List.of(ApiKey.of("sk-seeded"))));

        assertThat(store.load().get(ENDPOINT)).singleElement()
                .satisfies(stored -> assertThat(stored.key()).isEqualTo(ApiKey.of("sk-seeded")));
        KeyRing readOnly = new KeyRing(new FailingKeyStore(new InMemoryKeyStore()), KeyPolicy.DEFAULT,
                new ManualClock(), Set.of(ENDPOINT), Map.of(), Telemetry.NONE);
        assertThatThrownBy(() -> readOnly.useConfiguredKeys(Map.of(ENDPOINT, List.of(ApiKey.of("sk-seeded")))))
                .isInstanceOf(KeyStoreException.class);
    }

    @Test
    void aKeySetInTheEnvironmentReplacesADifferentStoredKey() {
        InMemoryKeyStore store = new InMemoryKeyStore();
        ring(store, REAL).useConfiguredKeys(Map.of(ENDPOINT, List.of(ApiKey.of("sk-aaa"))));

        KeyRing restarted = ring(store, REAL);
        restarted.useConfiguredKeys(Map.of(ENDPOINT, List.of(ApiKey.of("sk-bbb"))));

        assertThat(leased(restarted)).isEqualTo(ApiKey.of("sk-bbb"));
        assertThat(store.load().get(ENDPOINT)).extracting(StoredKey::key).containsExactly(ApiKey.of("sk-bbb"));
    }

    @Test
    void storedKeysStayAsTheyAreWhenTheEnvironmentsKeyIsAmongThem() {
        InMemoryKeyStore store = new InMemoryKeyStore();
        StoredKey cooling = new StoredKey(ApiKey.of("sk-aaa"), KeyState.COOLING, Instant.EPOCH,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of(Instant.MAX));
        store.save(Map.of(ENDPOINT, List.of(cooling, StoredKey.active(ApiKey.of("sk-added"), Instant.EPOCH))),
                Map.of(ENDPOINT, REAL));

        ring(new FailingKeyStore(store), REAL).useConfiguredKeys(Map.of(ENDPOINT, List.of(ApiKey.of("sk-aaa"))));

        assertThat(store.load().get(ENDPOINT)).containsExactly(cooling,
                StoredKey.active(ApiKey.of("sk-added"), Instant.EPOCH));
    }

    @Test
    void withoutAKeyInTheEnvironmentTheStoredKeysAreUsedAndRecordedWithTheirBaseUrl() {
        InMemoryKeyStore store = new InMemoryKeyStore();
        store.save(Map.of(ENDPOINT, List.of(StoredKey.active(ApiKey.of("sk-from-before-urls"), Instant.EPOCH))),
                Map.of());

        KeyRing ring = ring(store, REAL);
        ring.useConfiguredKeys(Map.of(ENDPOINT, List.of()));
        ring.change(ENDPOINT, keys -> keys);

        assertThat(leased(ring)).isEqualTo(ApiKey.of("sk-from-before-urls"));
        assertThat(store.baseUrls()).containsEntry(ENDPOINT, REAL);
    }

    @Test
    void aStoredKeyIsNeverSentToAnotherBaseUrlThanTheOneItWasStoredFor() {
        InMemoryKeyStore store = new InMemoryKeyStore();
        ring(store, REAL).useConfiguredKeys(Map.of(ENDPOINT, List.of(ApiKey.of("sk-real"))));

        KeyRing elsewhere = ring(store, OTHER);
        elsewhere.useConfiguredKeys(Map.of(ENDPOINT, List.of()));

        assertThat(elsewhere.lease(ENDPOINT)).hasValueSatisfying(lease -> assertThat(lease.key().isNone()).isTrue());
        assertThat(store.load().get(ENDPOINT)).extracting(StoredKey::key).containsExactly(ApiKey.of("sk-real"));
        assertThat(leased(ring(store, REAL))).as("kept for its own base URL").isEqualTo(ApiKey.of("sk-real"));
    }

    @Test
    void aKeyForTheNewBaseUrlReplacesTheKeysStoredForTheOldOne() {
        InMemoryKeyStore store = new InMemoryKeyStore();
        ring(store, REAL).useConfiguredKeys(Map.of(ENDPOINT, List.of(ApiKey.of("sk-real"))));

        ring(store, OTHER).useConfiguredKeys(Map.of(ENDPOINT, List.of(ApiKey.of("sk-local"))));

        assertThat(store.load().get(ENDPOINT)).extracting(StoredKey::key).containsExactly(ApiKey.of("sk-local"));
        assertThat(store.baseUrls()).containsEntry(ENDPOINT, OTHER);
        assertThat(ring(store, REAL).lease(ENDPOINT))
                .hasValueSatisfying(lease -> assertThat(lease.key().isNone()).isTrue());
    }

    private static KeyRing ring(KeyStore store, URI baseUrl) {
        return new KeyRing(store, KeyPolicy.DEFAULT, new ManualClock(), Map.of(ENDPOINT, baseUrl), Map.of(),
                Telemetry.NONE, UnsharedKeyRests.INSTANCE);
    }

    private static ApiKey leased(KeyRing ring) {
        return ring.lease(ENDPOINT).orElseThrow().key();
    }
}
