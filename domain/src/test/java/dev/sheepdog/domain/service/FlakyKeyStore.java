package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.model.StoredKeys;
import dev.sheepdog.domain.port.out.KeyStore;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A key store that refuses writes while told to, like a database that went away for a while. */
final class FlakyKeyStore implements KeyStore {

    private final KeyStore store;
    volatile boolean failing;

    FlakyKeyStore(KeyStore store) {
        this.store = store;
    }

    @Override
    public Map<EndpointId, List<StoredKey>> load() {
        return store.load();
    }

    @Override
    public Map<EndpointId, URI> baseUrls() {
        return store.baseUrls();
    }

    @Override
    public void save(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
        refuseWhileFailing();
        store.save(keys, baseUrls);
    }

    @Override
    public StoredKeys update(UnaryOperator<StoredKeys> change) {
        refuseWhileFailing();
        return store.update(change);
    }

    private void refuseWhileFailing() {
        if (failing) {
            throw new KeyStoreException("the database is unreachable");
        }
    }
}
