package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.model.StoredKeys;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Key storage: the provider keys of every endpoint, and the base URL they were stored for, kept across restarts. */
public interface KeyStore {

    /**
     * Every endpoint's keys as last saved, in their saved order; empty when nothing was ever saved.
     *
     * @throws KeyStoreException when what is stored cannot be read; never an empty result instead
     */
    Map<EndpointId, List<StoredKey>> load();

    /**
     * The base URL each endpoint's keys were last saved for. An endpoint whose keys were saved
     * without one (by a Sheepdog from before it was recorded) is absent.
     *
     * @throws KeyStoreException when what is stored cannot be read
     */
    Map<EndpointId, URI> baseUrls();

    /**
     * Replaces everything stored with these keys, each endpoint's recorded with the base URL given
     * for it (none when absent). Atomic: whatever happens during the call, a later {@link #load()}
     * and {@link #baseUrls()} return either all of the previous content or all of this.
     *
     * A blind write: whatever another gateway sharing the store changed since is replaced; to change
     * what is stored, use {@link #update(UnaryOperator)}.
     *
     * @throws KeyStoreException when the keys could not be stored; the previous content is then intact
     */
    void save(Map<EndpointId, List<StoredKey>> keys, Map<EndpointId, URI> baseUrls);

    /** Replaces the keys as {@link #save(Map, Map)} does, keeping the base URL recorded for each endpoint. */
    default void save(Map<EndpointId, List<StoredKey>> keys) {
        save(keys, baseUrls());
    }

    /**
     * Changes what is stored in one atomic step: {@code change} is given everything stored at this moment,
     * and what it returns is stored, with no other save or update in between, from this process or any
     * other sharing the store. This is how gateways sharing a store change it without undoing each other.
     * {@code change} is called exactly once; when it returns what it was given, nothing need be written.
     *
     * @return what is stored after the change
     * @throws KeyStoreException when the store cannot be read or written; nothing is then changed. What
     *                           {@code change} throws is thrown as it is, and nothing is changed either
     */
    StoredKeys update(UnaryOperator<StoredKeys> change);
}
