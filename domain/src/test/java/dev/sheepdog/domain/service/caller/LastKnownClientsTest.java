package dev.sheepdog.domain.service.caller;

import static dev.sheepdog.domain.port.out.ClientStoreContract.CREATED;
import static dev.sheepdog.domain.port.out.ClientStoreContract.fullKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.ClientSecret;
import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.InMemoryClientStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Through an outage of the shared store, client keys this gateway has seen are judged as it last found them. */
class LastKnownClientsTest {

    private final SwitchableClientStore store = new SwitchableClientStore();
    private final LastKnownClients clients = new LastKnownClients(store);
    private final ClientKey key = fullKey("writer", CREATED);

    @Test
    void whileTheStoreAnswersEveryLookupAsksItSoARevocationCountsAtOnce() {
        store.save(key);
        assertThat(clients.findBySecretHash(key.secretHash())).contains(key);

        store.save(key.revoked(CREATED.plusSeconds(1))); // through another gateway

        assertThat(clients.findBySecretHash(key.secretHash()).orElseThrow().revokedAt()).isPresent();
    }

    @Test
    void duringAnOutageAKeySeenBeforeIsFoundAsItWasLastFound() {
        store.save(key);
        clients.findBySecretHash(key.secretHash());

        store.down = true;

        assertThat(clients.findBySecretHash(key.secretHash())).contains(key);
    }

    @Test
    void duringAnOutageAKeyNeverSeenIsRefusedWithTheStoresFailure() {
        store.save(key);
        store.down = true;

        assertThatThrownBy(() -> clients.findBySecretHash(key.secretHash())).isInstanceOf(CallerStoreException.class);
        assertThatThrownBy(() -> clients.findBySecretHash(ClientSecret.random().hash()))
                .isInstanceOf(CallerStoreException.class);
    }

    @Test
    void aKeyRevokedThroughThisGatewayBeforeTheOutageStaysRevokedDuringIt() {
        store.save(key);
        clients.findBySecretHash(key.secretHash());
        clients.save(key.revoked(CREATED.plusSeconds(1)));

        store.down = true;

        assertThat(clients.findBySecretHash(key.secretHash()).orElseThrow().revokedAt()).isPresent();
    }

    @Test
    void aKeyTheStoreNoLongerHasIsForgotten() {
        store.save(key);
        clients.findBySecretHash(key.secretHash());
        store.forget(key);
        assertThat(clients.findBySecretHash(key.secretHash())).isEmpty();

        store.down = true;

        assertThatThrownBy(() -> clients.findBySecretHash(key.secretHash())).isInstanceOf(CallerStoreException.class);
    }

    /** A client store whose database can be taken away. */
    private static final class SwitchableClientStore implements ClientStore {
        private InMemoryClientStore keys = new InMemoryClientStore();
        private volatile boolean down;

        @Override
        public void save(ClientKey key) {
            available();
            keys.save(key);
        }

        @Override
        public Optional<ClientKey> find(ClientId id) {
            available();
            return keys.find(id);
        }

        @Override
        public Optional<ClientKey> findBySecretHash(String secretHash) {
            available();
            return keys.findBySecretHash(secretHash);
        }

        @Override
        public List<ClientKey> all() {
            available();
            return keys.all();
        }

        void forget(ClientKey gone) {
            InMemoryClientStore left = new InMemoryClientStore();
            keys.all().stream().filter(other -> !other.id().equals(gone.id())).forEach(left::save);
            keys = left;
        }

        private void available() {
            if (down) {
                throw new CallerStoreException("cannot read client keys: the database is unreachable");
            }
        }
    }
}
