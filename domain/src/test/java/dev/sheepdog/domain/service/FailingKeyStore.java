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

/** A key store that reads but can no longer write, like a full disk. */
final class FailingKeyStore implements KeyStore {

    private final KeyStore readable;

    FailingKeyStore(KeyStore readable) {
        this.readable = readable;
    }

    @Override
    public Map<EndpointId, List<StoredKey>> load() {
        return readable.load();
    }

    @Override
    public Map<EndpointId, URI> baseUrls() {
        return readable.baseUrls();
    }

    @Override
    public void save(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
        throw new KeyStoreException("the disk is full");
    }

    @Override
    public StoredKeys update(UnaryOperator<StoredKeys> change) {
        throw new KeyStoreException("the disk is full");
    }
}
