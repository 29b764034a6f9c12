package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.StoredKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link KeyStore} in memory for tests: keeps a copy of the last save, forgets it with the object. */
public final class InMemoryKeyStore implements KeyStore {

    private volatile Map<EndpointId, List<StoredKey>> keys = Map.of();

    @Override
    public Map<EndpointId, List<StoredKey>> load() {
        return copy(keys);
    }

    @Override
    public void save(Map<EndpointId, List<StoredKey>> keys) {
        this.keys = copy(keys);
    }

    private static Map<EndpointId, List<StoredKey>> copy(Map<EndpointId, List<StoredKey>> keys) {
        Map<EndpointId, List<StoredKey>> copy = new LinkedHashMap<>();
        keys.forEach((endpoint, stored) -> copy.put(endpoint, List.copyOf(stored)));
        return copy;
    }
}
