package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyMerge;
import dev.sheepdog.domain.model.KeyPool;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.model.StoredKeys;
import dev.sheepdog.domain.port.out.KeyStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Keeps a key ring's pools and the key store, which other gateways may share, in step. Every write is
 * one atomic update of what the store holds at that moment, per endpoint and key by key: an operator's
 * change is applied to the stored keys, and what traffic changed (a refused key, a retired one) is
 * carried onto them, so a gateway never undoes another's change with a stale copy. An operator's change
 * is stored before the pool applies it; traffic's after.
 */
final class KeyRingStorage {

    private static final System.Logger LOG = System.getLogger("sheepdog.keys");

    private final KeyStore store;
    private final Clock clock;
    private final EndpointKeys endpointKeys;
    private final Map<EndpointId, KeyPool> pools;
    private final Object guard;
    // Held while the store is written or read back, so this ring's writes and take-overs come one at a time.
    private final Object saving = new Object();
    // Each pool's keys as the store last held them: what a pool holds beyond that is this gateway's own
    // change not yet stored, the only thing a write carries onto the store. Changed while holding saving.
    private final Map<EndpointId, List<StoredKey>> lastStored = new LinkedHashMap<>();

    /**
     * @param pools the ring's pools, filled by the ring with {@link #usableAtStart} before any other call
     * @param guard the lock the pools change their keys under
     */
    KeyRingStorage(KeyStore store, Clock clock, EndpointKeys endpointKeys, Map<EndpointId, KeyPool> pools,
                   Object guard) {
        this.store = store;
        this.clock = clock;
        this.endpointKeys = endpointKeys;
        this.pools = pools;
        this.guard = guard;
    }

    /** What the store holds for each endpoint at start: the keys its pool starts with. */
    Map<EndpointId, List<StoredKey>> usableAtStart(Iterable<EndpointId> endpoints) {
        StoredKeys stored = read();
        Map<EndpointId, List<StoredKey>> usable = new LinkedHashMap<>();
        synchronized (saving) {
            for (EndpointId endpoint : endpoints) {
                usable.put(endpoint, endpointKeys.usableAtStart(stored, endpoint));
                lastStored.put(endpoint, usable.get(endpoint));
            }
        }
        return usable;
    }

    /** Takes over what the store holds now, keeping this gateway's change not yet stored. */
    void reload() {
        synchronized (saving) {
            takeOver(read(), Map.copyOf(lastStored), true);
        }
    }

    /** See {@link KeyRing#useConfiguredKeys}. */
    void useConfiguredKeys(Map<EndpointId, List<ApiKey>> configured) {
        synchronized (saving) {
            Map<EndpointId, List<ApiKey>> missing = new LinkedHashMap<>();
            configured.forEach((endpoint, keys) -> {
                if (!keys.isEmpty() && !secrets(pools.get(endpoint).stored()).containsAll(keys)) {
                    missing.put(endpoint, keys);
                }
            });
            // With nothing new the store stays as it is: no write (and no fsync) on every start.
            if (missing.isEmpty()) {
                return;
            }
            Map<EndpointId, List<StoredKey>> replaced = new LinkedHashMap<>();
            write(stored -> {
                StoredKeys changed = stored;
                for (Map.Entry<EndpointId, List<ApiKey>> seed : missing.entrySet()) {
                    List<StoredKey> before = endpointKeys.usable(stored, seed.getKey());
                    if (!secrets(before).containsAll(seed.getValue())) {
                        replaced.put(seed.getKey(), before);
                        changed = endpointKeys.put(changed, seed.getKey(), seed.getValue().stream().distinct()
                                .map(key -> StoredKey.active(key, clock.instant())).toList());
                    }
                }
                return changed;
            });
            replaced.forEach((endpoint, before) -> {
                if (before.isEmpty()) {
                    LOG.log(INFO, "seeded endpoint {0} with keys {1}", endpoint,
                            fingerprints(pools.get(endpoint).stored()));
                } else {
                    LOG.log(WARNING, "endpoint {0}: the configured keys {1} replace the stored keys {2}",
                            endpoint, fingerprints(pools.get(endpoint).stored()), fingerprints(before));
                }
            });
        }
    }

    /** Applies an operator's change to one endpoint's keys as the store holds them now; the pool takes it over. */
    void change(EndpointId endpoint, UnaryOperator<List<StoredKey>> change) {
        synchronized (saving) {
            write(stored -> endpointKeys.put(stored, endpoint, change.apply(endpointKeys.usable(stored, endpoint))));
        }
    }

    /** Stores what traffic changed in a pool, unless a write since carried it already; a failure is logged. */
    void storeTrafficsChange(KeyPool pool) {
        synchronized (saving) {
            if (snapshot().equals(lastStored)) {
                return; // a write since, which carried this change, stored it already
            }
            try {
                write(UnaryOperator.identity());
            } catch (KeyStoreException e) {
                // the change stays in the pool, beyond what was stored: the next write carries it
                LOG.log(ERROR, "could not store the key change of endpoint {0}: {1}", pool.endpoint(), e.getMessage());
            }
        }
    }

    // One atomic update of the store: this gateway's own changes carried onto what it holds, then the
    // change given; every pool then takes over the result, with what traffic did meanwhile. Holds saving.
    private void write(UnaryOperator<StoredKeys> change) {
        Map<EndpointId, List<StoredKey>> mine = snapshot();
        Map<EndpointId, List<StoredKey>> before = Map.copyOf(lastStored);
        StoredKeys result = store.update(stored -> {
            StoredKeys carried = stored;
            for (EndpointId endpoint : pools.keySet()) {
                carried = endpointKeys.put(carried, endpoint,
                        KeyMerge.onto(endpointKeys.usable(stored, endpoint), before.get(endpoint), mine.get(endpoint)));
            }
            return change.apply(carried);
        });
        takeOver(result, mine, false);
    }

    // Each pool takes the stored keys, with its changes since `known` carried onto them.
    private void takeOver(StoredKeys stored, Map<EndpointId, List<StoredKey>> known, boolean announce) {
        synchronized (guard) {
            pools.forEach((endpoint, pool) -> {
                List<StoredKey> theirs = endpointKeys.usable(stored, endpoint);
                List<StoredKey> current = pool.stored();
                List<StoredKey> merged = KeyMerge.onto(theirs, known.get(endpoint), current);
                if (!merged.equals(current)) {
                    if (announce) {
                        LOG.log(INFO, "endpoint {0}: the stored keys changed to {1}", endpoint, fingerprints(merged));
                    }
                    pool.reconcile(merged);
                }
                lastStored.put(endpoint, theirs);
            });
        }
    }

    private Map<EndpointId, List<StoredKey>> snapshot() {
        Map<EndpointId, List<StoredKey>> all = new LinkedHashMap<>();
        synchronized (guard) {
            pools.forEach((endpoint, pool) -> all.put(endpoint, pool.stored()));
        }
        return all;
    }

    private StoredKeys read() {
        return new StoredKeys(store.load(), store.baseUrls());
    }

    private static List<ApiKey> secrets(List<StoredKey> keys) {
        return keys.stream().map(StoredKey::key).toList();
    }

    private static List<String> fingerprints(List<StoredKey> keys) {
        return keys.stream().map(key -> key.key().fingerprint()).toList();
    }
}
