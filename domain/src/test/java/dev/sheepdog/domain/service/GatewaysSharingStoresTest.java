package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyChanges;
import dev.sheepdog.domain.model.KeyLease;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyState;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.InMemoryRouteStore;
import dev.sheepdog.domain.port.out.Telemetry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two gateways share their stores and gateway B has not yet heard of A's change: whatever B stores
 * then is made to what the store holds, so it never undoes A's change with its stale copy.
 */
class GatewaysSharingStoresTest {

    private static final EndpointId ENDPOINT = new EndpointId("holysheep");
    private static final ManualClock CLOCK = new ManualClock();
    private static final ApiKey ONE = ApiKey.of("sk-one");
    private static final ApiKey TWO = ApiKey.of("sk-two");
    private static final ApiKey NEW = ApiKey.of("sk-new");

    private final InMemoryKeyStore keyStore = new InMemoryKeyStore();
    private final InMemoryRouteStore routeStore = new InMemoryRouteStore();

    @Test
    void aKeyThatTrafficDisablesOnOneGatewayKeepsTheRotationStoredThroughTheOther() {
        keyStore.save(Map.of(ENDPOINT, List.of(StoredKey.active(ONE, CLOCK.instant()), StoredKey.active(TWO, CLOCK.instant()))));
        KeyRing a = ring();
        KeyRing b = ring();

        a.change(ENDPOINT, keys -> KeyChanges.rotate(keys, ONE.fingerprint(), NEW, CLOCK.instant()));
        leaseOf(b, TWO).refused(401, CLOCK.instant());

        assertThat(storedStates()).containsExactly(Map.entry(ONE, KeyState.RETIRING), Map.entry(TWO, KeyState.DISABLED),
                Map.entry(NEW, KeyState.ACTIVE));
        assertThat(b.lease(ENDPOINT).orElseThrow().key()).as("B took over what was stored").isEqualTo(NEW);
    }

    @Test
    void anOperatorsChangeThroughOneGatewayKeepsTheKeyAddedThroughTheOther() {
        keyStore.save(Map.of(ENDPOINT, List.of(StoredKey.active(ONE, CLOCK.instant()), StoredKey.active(TWO, CLOCK.instant()))));
        KeyRing a = ring();
        KeyRing b = ring();

        a.change(ENDPOINT, keys -> KeyChanges.add(keys, NEW, CLOCK.instant()));
        b.change(ENDPOINT, keys -> KeyChanges.disable(keys, TWO.fingerprint()));

        assertThat(storedStates()).containsExactly(Map.entry(ONE, KeyState.ACTIVE), Map.entry(TWO, KeyState.DISABLED),
                Map.entry(NEW, KeyState.ACTIVE));
    }

    @Test
    void aTrafficChangeThatCouldNotBeStoredIsStoredByTheNextWriteWithoutUndoingAnother() {
        keyStore.save(Map.of(ENDPOINT, List.of(StoredKey.active(ONE, CLOCK.instant()), StoredKey.active(TWO, CLOCK.instant()))));
        FlakyKeyStore flaky = new FlakyKeyStore(keyStore);
        KeyRing a = ring();
        KeyRing b = new KeyRing(flaky, KeyPolicy.DEFAULT, CLOCK, Set.of(ENDPOINT), Map.of(), Telemetry.NONE);

        flaky.failing = true;
        leaseOf(b, TWO).refused(401, CLOCK.instant());
        flaky.failing = false;
        a.change(ENDPOINT, keys -> KeyChanges.add(keys, NEW, CLOCK.instant()));
        b.change(ENDPOINT, keys -> KeyChanges.disable(keys, ONE.fingerprint()));

        assertThat(storedStates()).containsExactly(Map.entry(ONE, KeyState.DISABLED), Map.entry(TWO, KeyState.DISABLED),
                Map.entry(NEW, KeyState.ACTIVE));
    }

    @Test
    void aPauseThroughOneGatewayKeepsTheCanaryWeightSetThroughTheOther() {
        RoutingState a = routing();
        RoutingState b = routing();

        a.update(state -> new RouteState(state.roles(), 0.25, state.paused(), state.healthyStreak(),
                state.unhealthyStreak(), state.decisions()));
        b.update(state -> new RouteState(state.roles(), state.canaryWeight(), true, state.healthyStreak(),
                state.unhealthyStreak(), state.decisions()));

        RouteState stored = routeStore.load().orElseThrow();
        assertThat(stored.canaryWeight()).isEqualTo(0.25);
        assertThat(stored.paused()).isTrue();
        assertThat(b.current()).isEqualTo(stored);
    }

    private Map<ApiKey, KeyState> storedStates() {
        Map<ApiKey, KeyState> states = new LinkedHashMap<>();
        keyStore.load().get(ENDPOINT).forEach(key -> states.put(key.key(), key.state()));
        return states;
    }

    private KeyRing ring() {
        return new KeyRing(keyStore, KeyPolicy.DEFAULT, CLOCK, Set.of(ENDPOINT), Map.of(), Telemetry.NONE);
    }

    private RoutingState routing() {
        return new RoutingState(routeStore, CanaryRollout.PLAN, Set.of(CanaryRollout.PRIMARY, CanaryRollout.CANARY));
    }

    // Keys are leased in turn: lease until the wanted one comes round.
    private static KeyLease leaseOf(KeyRing ring, ApiKey wanted) {
        for (int i = 0; i < 10; i++) {
            KeyLease lease = ring.lease(ENDPOINT).orElseThrow();
            if (lease.key().equals(wanted)) {
                return lease;
            }
            lease.release(CLOCK.instant());
        }
        throw new AssertionError(wanted.fingerprint() + " is never leased");
    }
}
