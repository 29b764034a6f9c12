package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.KeyChangeRejected;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.ScriptedCompletionProvider;
import dev.sheepdog.domain.port.out.Telemetry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator's key changes: checked with the provider, stored, then applied; or nothing changes. */
class KeyServiceTest {

    private static final Endpoint HOLYSHEEP = CompletionServiceTest.endpoint("holysheep", ScriptedCompletionProvider.NAME);
    private static final EndpointId ID = HOLYSHEEP.id();
    private static final ApiKey OLD = ApiKey.of("sk-old-key");
    private static final ApiKey NEW = ApiKey.of("sk-new-key");

    private final ManualClock clock = new ManualClock();
    private final ScriptedCompletionProvider provider = new ScriptedCompletionProvider();
    private final InMemoryKeyStore store = new InMemoryKeyStore();
    private final KeyRing ring = new KeyRing(store, KeyPolicy.DEFAULT, clock, endpoints().ids(),
            Map.of(ScriptedCompletionProvider.NAME, provider), Telemetry.NONE);
    private final KeyService keys = new KeyService(ring, endpoints(), Map.of(ScriptedCompletionProvider.NAME, provider),
            KeyPolicy.DEFAULT, clock);

    KeyServiceTest() {
        ring.useConfiguredKeys(Map.of(ID, List.of(OLD)));
    }

    @Test
    void rotationChecksTheNewKeyWithTheProviderThenStoresItBeforeItTakesTraffic() {
        KeyStatus rotated = keys.rotateKey(ID, OLD.fingerprint(), NEW, "ops@test");

        assertThat(provider.listings()).singleElement().satisfies(listing -> {
            assertThat(listing.key()).isEqualTo(NEW);
            assertThat(listing.timeout()).isEqualTo(KeyPolicy.DEFAULT.validationTimeout());
        });
        assertThat(rotated.state()).isEqualTo(KeyState.ACTIVE);
        assertThat(store.load().get(ID)).extracting(StoredKey::key, StoredKey::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(OLD, KeyState.RETIRING),
                org.assertj.core.groups.Tuple.tuple(NEW, KeyState.ACTIVE));
        assertThat(ring.lease(ID).orElseThrow().key()).isEqualTo(NEW);
    }

    @Test
    void aKeyTheProviderRefusesChangesNothing() {
        provider.willFailListingModels(new CompletionFailure(FailureKind.UPSTREAM_AUTH, "refused", 401,
                java.util.Optional.empty(), java.util.Optional.empty()));

        assertThatThrownBy(() -> keys.rotateKey(ID, OLD.fingerprint(), NEW, "ops@test"))
                .isInstanceOfSatisfying(KeyChangeRejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(KeyChangeRejected.Reason.VALIDATION_FAILED);
                    assertThat(rejected.getMessage()).contains("refused", "Nothing was changed")
                            .doesNotContain(NEW.reveal());
                });
        assertUnchanged();
    }

    @Test
    void aKeyThatCannotBeCheckedInTimeChangesNothing() {
        provider.willFailListingModels(CompletionFailure.of(FailureKind.UPSTREAM_UNAVAILABLE,
                "The provider did not list its models within 5000 ms."));

        assertThatThrownBy(() -> keys.addKey(ID, NEW, "ops@test")).isInstanceOf(KeyChangeRejected.class)
                .hasMessageContaining("5000 ms");
        assertUnchanged();
    }

    @Test
    void anUnknownKeyOrEndpointIsRefusedWithoutAskingTheProvider() {
        assertThatThrownBy(() -> keys.rotateKey(ID, "deadbeef", NEW, "ops@test")).isInstanceOf(KeyChangeRejected.class);
        assertThatThrownBy(() -> keys.rotateKey(new EndpointId("nowhere"), OLD.fingerprint(), NEW, "ops@test"))
                .isInstanceOfSatisfying(KeyChangeRejected.class, rejected -> assertThat(rejected.reason())
                        .isEqualTo(KeyChangeRejected.Reason.UNKNOWN_ENDPOINT));
        assertThat(provider.listings()).isEmpty();
    }

    @Test
    void aChangeThatCannotBeStoredIsNotApplied() {
        KeyRing failing = new KeyRing(new FailingKeyStore(store), KeyPolicy.DEFAULT, clock, endpoints().ids(),
                Map.of(), Telemetry.NONE);
        KeyService service = new KeyService(failing, endpoints(), Map.of(ScriptedCompletionProvider.NAME, provider),
                KeyPolicy.DEFAULT, clock);

        assertThatThrownBy(() -> service.addKey(ID, NEW, "ops@test")).isInstanceOf(KeyStoreException.class);
        assertThat(failing.pool(ID).stored()).extracting(StoredKey::key).containsExactly(OLD);
    }

    @Test
    void disablesEnablesAndRemovesKeys() {
        keys.addKey(ID, NEW, "ops@test");
        keys.disableKey(ID, OLD.fingerprint(), "ops@test");
        assertThat(ring.lease(ID).orElseThrow().key()).isEqualTo(NEW);

        keys.enableKey(ID, OLD.fingerprint(), "ops@test");
        keys.removeKey(ID, NEW.fingerprint(), "ops@test");

        assertThat(store.load().get(ID)).extracting(StoredKey::key).containsExactly(OLD);
        assertThat(keys.listKeys().get(ID)).extracting(KeyStatus::fingerprint).containsExactly(OLD.fingerprint());
    }

    @Test
    void keysOfAnEndpointNoLongerConfiguredAreKeptInTheStore() {
        store.save(Map.of(ID, List.of(StoredKey.active(OLD, clock.instant())),
                new EndpointId("old-endpoint"), List.of(StoredKey.active(NEW, clock.instant()))));
        KeyRing reloaded = new KeyRing(store, KeyPolicy.DEFAULT, clock, endpoints().ids(), Map.of(), Telemetry.NONE);

        reloaded.change(ID, current -> List.of());

        assertThat(store.load()).containsKey(new EndpointId("old-endpoint"));
    }

    private void assertUnchanged() {
        assertThat(store.load().get(ID)).extracting(StoredKey::key, StoredKey::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OLD, KeyState.ACTIVE));
        assertThat(ring.lease(ID).orElseThrow().key()).isEqualTo(OLD);
    }

    private static Endpoints endpoints() {
        return new Endpoints(List.of(HOLYSHEEP));
    }
}
