package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.Telemetry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyRingSeedingTest {

    private static final EndpointId ENDPOINT = new EndpointId("holysheep");

    @Test
    void withNoKeyToSeedTheStoreIsNotWrittenAtAll() {
        KeyRing ring = new KeyRing(new FailingKeyStore(new InMemoryKeyStore()), KeyPolicy.DEFAULT, new ManualClock(),
                Set.of(ENDPOINT), Map.of(), Telemetry.NONE);

        ring.seedIfEmpty(Map.of(ENDPOINT, List.of()));

        assertThat(ring.lease(ENDPOINT)).hasValueSatisfying(lease -> assertThat(lease.key().isNone()).isTrue());
    }

    @Test
    void aKeyToSeedIsWrittenBeforeItIsUsed() {
        InMemoryKeyStore store = new InMemoryKeyStore();
        KeyRing ring = new KeyRing(store, KeyPolicy.DEFAULT, new ManualClock(), Set.of(ENDPOINT), Map.of(),
                Telemetry.NONE);

        ring.seedIfEmpty(Map.of(ENDPOINT, List.of(ApiKey.of("sk-seeded"))));

        assertThat(store.load().get(ENDPOINT)).singleElement()
                .satisfies(stored -> assertThat(stored.key()).isEqualTo(ApiKey.of("sk-seeded")));
        KeyRing readOnly = new KeyRing(new FailingKeyStore(new InMemoryKeyStore()), KeyPolicy.DEFAULT,
                new ManualClock(), Set.of(ENDPOINT), Map.of(), Telemetry.NONE);
        assertThatThrownBy(() -> readOnly.seedIfEmpty(Map.of(ENDPOINT, List.of(ApiKey.of("sk-seeded")))))
                .isInstanceOf(KeyStoreException.class);
    }
}
