package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.StoredKey;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link KeyStore} in memory for tests: keeps a copy of the last save, forgets it with the object. */
public final class InMemoryKeyStore implements KeyStore {

    private record Content(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
    }

    private volatile Content content = new Content(Map.of(), Map.of());

    @Override
    public Map<EndpointId, List<StoredKey>> load() {
        return copy(content.keys());
    }

    @Override
    public Map<EndpointId, URI> baseUrls() {
        return new LinkedHashMap<>(content.baseUrls());
    }

    @Override
    public void save(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {
        Map<EndpointId, URI> recorded = new LinkedHashMap<>(baseUrls);
        recorded.keySet().retainAll(keys.keySet());
        content = new Content(copy(keys), recorded);
    }

    private static Map<EndpointId, List<StoredKey>> copy(Map<EndpointId, List<StoredKey>> keys) {
        Map<EndpointId, List<StoredKey>> copy = new LinkedHashMap<>();
        keys.forEach((endpoint, stored) -> copy.put(endpoint, List.copyOf(stored)));
        return copy;
    }
}
