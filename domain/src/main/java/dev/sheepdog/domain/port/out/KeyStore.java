package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import java.util.List;
import java.util.Map;

/** Key storage: the provider keys of every endpoint, kept across restarts. */
public interface KeyStore {

    /**
     * Every endpoint's keys as last saved, in their saved order; empty when nothing was ever saved.
     *
     * @throws KeyStoreException when what is stored cannot be read; never an empty result instead
     */
    Map<EndpointId, List<StoredKey>> load();

    /**
     * Replaces everything stored with these keys. Atomic: whatever happens during the call, a later
     * {@link #load()} returns either all of the previous content or all of this.
     *
     * @throws KeyStoreException when the keys could not be stored; the previous content is then intact
     */
    void save(Map<EndpointId, List<StoredKey>> keys);
}
