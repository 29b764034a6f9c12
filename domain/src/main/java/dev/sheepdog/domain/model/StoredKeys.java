package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a key store holds: each endpoint's keys in their stored order, and the base URL they
 * were stored for (absent for keys stored before base URLs were recorded). Immutable.
 */
public record StoredKeys(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls) {

    public static final StoredKeys NONE = new StoredKeys(Map.of(), Map.of());

    /** Copies both maps, keeping their order; a base URL is kept only for an endpoint that has keys stored. */
    public StoredKeys {
        Map<EndpointId, List<StoredKey>> keysCopy = new LinkedHashMap<>();
        requireNonNull(keys, "keys").forEach((endpoint, stored) -> keysCopy.put(endpoint, List.copyOf(stored)));
        Map<EndpointId, URI> urlsCopy = new LinkedHashMap<>(requireNonNull(baseUrls, "baseUrls"));
        urlsCopy.keySet().retainAll(keysCopy.keySet());
        keys = Collections.unmodifiableMap(keysCopy);
        baseUrls = Collections.unmodifiableMap(urlsCopy);
    }

    /** The endpoint's stored keys; none when nothing is stored for it. */
    public List<StoredKey> of(EndpointId endpoint) {
        return keys.getOrDefault(endpoint, List.of());
    }

    public Optional<URI> baseUrl(EndpointId endpoint) {
        return Optional.ofNullable(baseUrls.get(endpoint));
    }

    /**
     * These keys stored for the endpoint in place of its own, every other endpoint's as they are; recorded
     * for {@code baseUrl} when given, else for the base URL recorded for the endpoint before.
     */
    public StoredKeys with(EndpointId endpoint, List<StoredKey> endpointKeys, Optional<URI> baseUrl) {
        Map<EndpointId, List<StoredKey>> changed = new LinkedHashMap<>(keys);
        changed.put(endpoint, endpointKeys);
        Map<EndpointId, URI> urls = new LinkedHashMap<>(baseUrls);
        baseUrl.ifPresent(url -> urls.put(endpoint, url));
        return new StoredKeys(changed, urls);
    }
}
