package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.model.StoredKeys;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A {@link KeyStore} in memory for tests: keeps a copy of the last save, forgets it with the object. */
public final class InMemoryKeyStore implements KeyStore {

    // Immutable, so handing it out or keeping it is keeping a copy.
    private StoredKeys content = StoredKeys.NONE;

    @Override
    public synchronized Map<EndpointId, List<StoredKey>> load() {
        return new LinkedHashMap<>(content.keys());
    }

    @Override
    public synchronized Map<EndpointId, URI> baseUrls() {
        return new LinkedHashMap<>(content.baseUrls());
    }

    @Override
    public synchronized void save(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
        content = new StoredKeys(keys, baseUrls);
    }

    /** Atomic by the store's lock, which every other method takes too. */
    @Override
    public synchronized StoredKeys update(UnaryOperator<StoredKeys> change) {
        content = change.apply(content);
        return content;
    }
}
