package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyRest;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.model.StoredKeys;
import dev.sheepdog.domain.port.out.InMemoryKeyRests;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.InMemoryRouteStore;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.StoreChanges;
import dev.sheepdog.domain.model.StoreTopic;
import dev.sheepdog.domain.port.out.Telemetry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Two gateways share their stores: what one changes, the other uses once it hears of it. */
class StoreChangeFollowerTest {

    private static final EndpointId ENDPOINT = new EndpointId("holysheep");
    private static final ManualClock CLOCK = new ManualClock();

    private final InMemoryKeyStore keyStore = new InMemoryKeyStore();
    private final InMemoryRouteStore routeStore = new InMemoryRouteStore();
    private final News news = new News();

    @Test
    void aKeyRotatedThroughOneGatewayIsUsedByTheOtherOnceItHearsOfIt() {
        keyStore.save(Map.of(ENDPOINT, List.of(StoredKey.active(ApiKey.of("sk-old"), CLOCK.instant()))));
        KeyRing a = ring(keyStore);
        KeyRing b = ring(keyStore);
        follow(b, routing());

        a.change(ENDPOINT, keys -> List.of(StoredKey.active(ApiKey.of("sk-new"), CLOCK.instant())));
        assertThat(leased(b)).as("before the news").isEqualTo(ApiKey.of("sk-old"));

        news.tell(StoreTopic.KEYS);

        assertThat(leased(b)).isEqualTo(ApiKey.of("sk-new"));
        assertThat(leased(a)).isEqualTo(ApiKey.of("sk-new"));
    }

    @Test
    void aCanaryWeightSetThroughOneGatewayIsUsedByTheOtherOnceItHearsOfIt() {
        RoutingState a = routing();
        RoutingState b = routing();
        follow(ring(keyStore), b);

        a.update(state -> new RouteState(state.roles(), 0.25, state.paused(), state.healthyStreak(),
                state.unhealthyStreak(), state.decisions()));
        news.tell(StoreTopic.ROUTES);

        assertThat(b.current().canaryWeight()).isEqualTo(0.25);
    }

    @Test
    void aKeyRestToldByAnotherGatewayRestsTheKeyHereOnceItHearsOfIt() {
        keyStore.save(Map.of(ENDPOINT, List.of(StoredKey.active(ApiKey.of("sk-one"), CLOCK.instant()),
                StoredKey.active(ApiKey.of("sk-two"), CLOCK.instant()))));
        InMemoryKeyRests rests = new InMemoryKeyRests(CLOCK);
        KeyRing b = new KeyRing(keyStore, KeyPolicy.DEFAULT, CLOCK, Map.of(ENDPOINT, URI.create("https://api.example/v1")),
                Map.of(), Telemetry.NONE, rests);
        follow(b, routing());
        rests.tell(new KeyRest(ENDPOINT, ApiKey.of("sk-one").fingerprint(), "m", Duration.ofSeconds(30)));

        news.tell(StoreTopic.KEY_RESTS);

        for (int i = 0; i < 3; i++) {
            assertThat(b.lease(ENDPOINT, "m").orElseThrow().key()).isEqualTo(ApiKey.of("sk-two"));
        }
    }

    @Test
    void whenTheSharedStoreCannotBeReadTheGatewayGoesOnWithTheKeysItKnew() {
        keyStore.save(Map.of(ENDPOINT, List.of(StoredKey.active(ApiKey.of("sk-known"), CLOCK.instant()))));
        UnreadableAfterStart unreadable = new UnreadableAfterStart(keyStore);
        KeyRing b = ring(unreadable);
        follow(b, routing());
        unreadable.broken = true;

        news.tell(StoreTopic.KEYS);

        assertThat(leased(b)).isEqualTo(ApiKey.of("sk-known"));
    }

    @Test
    void newsOfNoChangeLeavesEverythingAsItWas() {
        keyStore.save(Map.of(ENDPOINT, List.of(StoredKey.active(ApiKey.of("sk-same"), CLOCK.instant()))));
        KeyRing b = ring(keyStore);
        RoutingState routing = routing();
        RouteState before = routing.current();
        follow(b, routing);

        news.tell(StoreTopic.KEYS);
        news.tell(StoreTopic.ROUTES);

        assertThat(leased(b)).isEqualTo(ApiKey.of("sk-same"));
        assertThat(routing.current()).isEqualTo(before);
    }

    private void follow(KeyRing keys, RoutingState routing) {
        new StoreChangeFollower(keys, routing).follow(news);
    }

    private static KeyRing ring(KeyStore store) {
        return new KeyRing(store, KeyPolicy.DEFAULT, CLOCK, Set.of(ENDPOINT), Map.of(), Telemetry.NONE);
    }

    private RoutingState routing() {
        return new RoutingState(routeStore, CanaryRollout.PLAN, Set.of(CanaryRollout.PRIMARY, CanaryRollout.CANARY));
    }

    private static ApiKey leased(KeyRing ring) {
        return ring.lease(ENDPOINT).orElseThrow().key();
    }

    /** News delivered at once to every gateway subscribed, as a shared database's notifications are. */
    private static final class News implements StoreChanges {
        private final List<Consumer<StoreTopic>> listeners = new ArrayList<>();

        @Override
        public void subscribe(Consumer<StoreTopic> listener) {
            listeners.add(listener);
        }

        void tell(StoreTopic topic) {
            listeners.forEach(listener -> listener.accept(topic));
        }
    }

    /** A shared store that was readable at start and then went away. */
    private static final class UnreadableAfterStart implements KeyStore {
        private final KeyStore store;
        private boolean broken;

        UnreadableAfterStart(KeyStore store) {
            this.store = store;
        }

        @Override
        public Map<EndpointId, List<StoredKey>> load() {
            if (broken) {
                throw new KeyStoreException("the database is unreachable");
            }
            return store.load();
        }

        @Override
        public Map<EndpointId, URI> baseUrls() {
            return store.baseUrls();
        }

        @Override
        public void save(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
            store.save(keys, baseUrls);
        }

        @Override
        public StoredKeys update(UnaryOperator<StoredKeys> change) {
            if (broken) {
                throw new KeyStoreException("the database is unreachable");
            }
            return store.update(change);
        }
    }
}
