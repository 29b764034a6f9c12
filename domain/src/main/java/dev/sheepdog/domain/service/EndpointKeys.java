package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.WARNING;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.model.StoredKeys;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which stored keys an endpoint may use, and how its keys are stored: a key goes only to the host it
 * was given for, as another base URL may be another provider. Keys stored for another base URL are
 * kept aside, never used, until keys given for the endpoint's own base URL replace them.
 */
final class EndpointKeys {

    private static final System.Logger LOG = System.getLogger("sheepdog.keys");

    private final Map<EndpointId, URI> baseUrls;

    /** @param baseUrls each configured endpoint's base URL; an endpoint without one uses whatever is stored */
    EndpointKeys(Map<EndpointId, URI> baseUrls) {
        this.baseUrls = Map.copyOf(baseUrls);
    }

    /** The stored keys the endpoint may use: none when they were stored for another base URL than its own. */
    List<StoredKey> usable(StoredKeys stored, EndpointId endpoint) {
        URI configured = baseUrls.get(endpoint);
        boolean elsewhere = stored.baseUrl(endpoint).filter(url -> configured != null && !url.equals(configured))
                .isPresent();
        return elsewhere ? List.of() : stored.of(endpoint);
    }

    /** {@link #usable}, saying so when keys are kept aside: at start, where the operator looks. */
    List<StoredKey> usableAtStart(StoredKeys stored, EndpointId endpoint) {
        List<StoredKey> usable = usable(stored, endpoint);
        if (usable.isEmpty() && !stored.of(endpoint).isEmpty()) {
            LOG.log(WARNING, "the stored keys {0} of endpoint {1} were stored for {2}, not {3}: they are not "
                    + "used (set the base URL back to {2} to use them; a key stored for {3} replaces them)",
                    fingerprints(stored.of(endpoint)), endpoint, stored.baseUrl(endpoint).orElseThrow(),
                    baseUrls.get(endpoint));
        }
        return usable;
    }

    /**
     * The endpoint's keys replaced by these, recorded for its base URL. The store is left as it is when
     * they are its usable keys already recorded for its base URL (or kept aside, if these are none).
     */
    StoredKeys put(StoredKeys stored, EndpointId endpoint, List<StoredKey> keys) {
        Optional<URI> configured = Optional.ofNullable(baseUrls.get(endpoint));
        List<StoredKey> usable = usable(stored, endpoint);
        if (keys.equals(usable) && (keys.isEmpty() || configured.isEmpty() || stored.baseUrl(endpoint).equals(configured))) {
            return stored;
        }
        if (usable.isEmpty() && !stored.of(endpoint).isEmpty()) {
            // logged as it is decided: a store's update applies its change exactly once
            LOG.log(WARNING, "endpoint {0} now has keys for {1}: the keys {2} stored for {3} are removed", endpoint,
                    configured.orElseThrow(), fingerprints(stored.of(endpoint)), stored.baseUrl(endpoint).orElseThrow());
        }
        return stored.with(endpoint, keys, configured);
    }

    private static List<String> fingerprints(List<StoredKey> keys) {
        return keys.stream().map(key -> key.key().fingerprint()).toList();
    }
}
