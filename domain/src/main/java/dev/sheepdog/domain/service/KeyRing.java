package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyChangeRejected;
import dev.sheepdog.domain.model.KeyEvent;
import dev.sheepdog.domain.model.KeyLease;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyPool;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.Telemetry;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The key pools of every endpoint, kept in the key store. An operator's change is stored before
 * the pool applies it; what traffic changes (a refused key, a retired one) is stored after, and
 * reported to the telemetry with a key's rests for rate-limited models, which are not stored.
 */
public final class KeyRing implements KeyPool.Listener {

    private static final System.Logger LOG = System.getLogger("sheepdog.keys");

    private final KeyStore store;
    private final Clock clock;
    private final Telemetry telemetry;
    private final KeyRechecks rechecks;
    private final Object guard = new Object();
    private final Object saving = new Object();
    private final Map<EndpointId, KeyPool> pools = new LinkedHashMap<>();
    // Keys stored for endpoints this configuration no longer has, or for another base URL than its
    // endpoint's: kept, so a save never drops them, and never used.
    private final Map<EndpointId, List<StoredKey>> unconfigured = new LinkedHashMap<>();
    private final Map<EndpointId, URI> baseUrls;
    private final Set<EndpointId> configuredEndpoints;
    // The base URL each endpoint's keys were stored for, as read at start and kept for every save.
    private final Map<EndpointId, URI> recorded = new LinkedHashMap<>();
    private long changes;
    private long saved;

    /** A ring that does not check base URLs: for endpoints whose base URL never changes (tests). */
    public KeyRing(KeyStore store, KeyPolicy policy, Clock clock, Set<EndpointId> endpoints,
                   Map<String, CompletionProvider> providers, Telemetry telemetry) {
        this(store, policy, clock, endpoints, Map.of(), providers, telemetry);
    }

    /**
     * @param baseUrls  each configured endpoint's base URL: stored keys are used only by an endpoint at the base
     *                  URL they were stored for (keys stored before base URLs were recorded are taken as its own)
     * @param providers the provider adapter for each {@link Endpoint#provider()} name: it re-checks refused keys
     */
    public KeyRing(KeyStore store, KeyPolicy policy, Clock clock, Map<EndpointId, URI> baseUrls,
                   Map<String, CompletionProvider> providers, Telemetry telemetry) {
        this(store, policy, clock, baseUrls.keySet(), baseUrls, providers, telemetry);
    }

    private KeyRing(KeyStore store, KeyPolicy policy, Clock clock, Set<EndpointId> endpoints,
                    Map<EndpointId, URI> baseUrls, Map<String, CompletionProvider> providers, Telemetry telemetry) {
        this.store = store;
        this.clock = clock;
        this.telemetry = telemetry;
        this.baseUrls = Map.copyOf(baseUrls);
        this.rechecks = new KeyRechecks(providers, policy, clock, telemetry);
        this.configuredEndpoints = Set.copyOf(endpoints);
        Map<EndpointId, List<StoredKey>> usable = usable(store.load(), store.baseUrls(), true);
        for (EndpointId endpoint : endpoints) {
            pools.put(endpoint, new KeyPool(endpoint, usable.getOrDefault(endpoint, List.of()), policy, this, guard));
        }
    }

    /**
     * Takes over what the store holds now, when another gateway sharing it changed it: each pool
     * gets its endpoint's stored keys and their states, keeping the traffic counters of keys that
     * stay. A change of this gateway's not yet stored is superseded by what the store says.
     *
     * @throws KeyStoreException when the store cannot be read; the pools are then unchanged
     */
    public void reload() {
        Map<EndpointId, List<StoredKey>> stored = store.load();
        Map<EndpointId, URI> urls = store.baseUrls();
        synchronized (saving) {
            synchronized (guard) {
                Map<EndpointId, List<StoredKey>> usable = usable(stored, urls, false);
                pools.forEach((endpoint, pool) -> {
                    List<StoredKey> keys = usable.getOrDefault(endpoint, List.of());
                    if (!pool.stored().equals(keys)) {
                        LOG.log(INFO, "endpoint {0}: the stored keys changed to {1}", endpoint, fingerprints(keys));
                        pool.reconcile(keys);
                    }
                });
                saved = changes;
            }
        }
        sweep();
    }

    // The stored keys each configured endpoint may use; the others are kept aside, never used, never dropped.
    private Map<EndpointId, List<StoredKey>> usable(Map<EndpointId, List<StoredKey>> stored,
                                                    Map<EndpointId, URI> storedFor, boolean warn) {
        recorded.clear();
        recorded.putAll(storedFor);
        unconfigured.clear();
        Map<EndpointId, List<StoredKey>> usable = new LinkedHashMap<>();
        stored.forEach((endpoint, keys) -> {
            URI recordedFor = storedFor.get(endpoint);
            URI configured = baseUrls.get(endpoint);
            if (!configuredEndpoints.contains(endpoint)) {
                unconfigured.put(endpoint, List.copyOf(keys));
            } else if (!keys.isEmpty() && recordedFor != null && configured != null && !recordedFor.equals(configured)) {
                // A key goes only to the host it was given for: another base URL may be another provider.
                if (warn) {
                    LOG.log(WARNING, "the stored keys {0} of endpoint {1} were stored for {2}, not {3}: they are not "
                            + "used (set the base URL back to {2} to use them; a key stored for {3} replaces them)",
                            fingerprints(keys), endpoint, recordedFor, configured);
                }
                unconfigured.put(endpoint, List.copyOf(keys));
            } else {
                usable.put(endpoint, keys);
            }
        });
        return usable;
    }

    /**
     * Makes the configured keys (e.g. {@code HOLYSHEEP_API_KEY}) each endpoint's keys: the configuration
     * wins over the store. When every configured key of an endpoint is stored already, its stored keys
     * stay as they are (with their state, and beside keys added with {@code sheepdog keys}); otherwise
     * the configured keys replace them. An endpoint with no configured key keeps its stored keys.
     */
    public void useConfiguredKeys(Map<EndpointId, List<ApiKey>> configured) {
        synchronized (saving) {
            synchronized (guard) {
                Map<EndpointId, List<StoredKey>> replaced = new LinkedHashMap<>();
                configured.forEach((endpoint, keys) -> {
                    if (!keys.isEmpty()
                            && !pool(endpoint).stored().stream().map(StoredKey::key).toList().containsAll(keys)) {
                        replaced.put(endpoint, keys.stream().distinct()
                                .map(key -> StoredKey.active(key, clock.instant())).toList());
                    }
                });
                // With nothing new the store stays as it is: no write (and no fsync) on every start.
                if (replaced.isEmpty()) {
                    return;
                }
                Map<EndpointId, List<StoredKey>> all = snapshot();
                replaced.forEach((endpoint, keys) -> {
                    supersede(endpoint, keys);
                    all.put(endpoint, keys);
                });
                save(all);
                replaced.forEach((endpoint, keys) -> {
                    List<StoredKey> before = pool(endpoint).stored();
                    pool(endpoint).reconcile(keys);
                    if (before.isEmpty()) {
                        LOG.log(INFO, "seeded endpoint {0} with keys {1}", endpoint, fingerprints(keys));
                    } else {
                        LOG.log(WARNING, "endpoint {0}: the configured keys {1} replace the stored keys {2}",
                                endpoint, fingerprints(keys), fingerprints(before));
                    }
                });
            }
        }
    }

    /** A key for a call not tied to a model (listing the models); see {@link #lease(EndpointId, String)}. */
    public Optional<KeyLease> lease(EndpointId endpoint) {
        return lease(endpoint, "");
    }

    /**
     * A key for one request for the model to the endpoint: {@link KeyLease#none()} when it has no
     * keys; empty when none is usable for that model now.
     */
    public Optional<KeyLease> lease(EndpointId endpoint, String model) {
        KeyPool pool = pools.get(endpoint);
        if (pool == null || pool.isEmpty()) {
            return Optional.of(KeyLease.none());
        }
        return pool.lease(clock.instant(), model);
    }

    /**
     * What a 401/403 on a completion with a leased key means. The key is disabled only when the
     * provider refuses it on {@code GET /models} too; when it accepts it, the request was refused
     * ({@code REQUEST_REFUSED}); when it cannot be reached, the key stays and the refusal stands.
     * Blocks for at most the policy's validation timeout.
     */
    public CompletionFailure refused(Endpoint endpoint, KeyLease lease, CompletionFailure refusal)
            throws InterruptedException {
        return rechecks.judge(endpoint, lease, refusal);
    }

    /** The pool of a configured endpoint. */
    public KeyPool pool(EndpointId endpoint) {
        KeyPool pool = pools.get(endpoint);
        if (pool == null) {
            throw new KeyChangeRejected(KeyChangeRejected.Reason.UNKNOWN_ENDPOINT,
                    "No endpoint named " + endpoint + " is configured.");
        }
        return pool;
    }

    public Map<EndpointId, List<KeyStatus>> statuses() {
        Map<EndpointId, List<KeyStatus>> statuses = new LinkedHashMap<>();
        pools.forEach((endpoint, pool) -> statuses.put(endpoint, pool.statuses()));
        return statuses;
    }

    /**
     * Applies an operator's change to one endpoint: stored first, then taken over by the pool.
     * When storing fails, nothing changed.
     */
    public void change(EndpointId endpoint, UnaryOperator<List<StoredKey>> change) {
        KeyPool pool = pool(endpoint);
        synchronized (saving) {
            synchronized (guard) {
                List<StoredKey> changed = change.apply(pool.stored());
                supersede(endpoint, changed);
                Map<EndpointId, List<StoredKey>> all = snapshot();
                all.put(endpoint, changed);
                save(all);
                pool.reconcile(changed);
                saved = ++changes;
            }
        }
        pool.sweep(clock.instant());
    }

    /** Lets retiring keys go whose time has come; run on a schedule. */
    public void sweep() {
        pools.values().forEach(pool -> pool.sweep(clock.instant()));
    }

    @Override
    public void changed(KeyPool pool, List<KeyEvent> events) {
        events.forEach(this::announce);
        if (events.stream().allMatch(event -> event.kind() == KeyEvent.Kind.COOLING)) {
            return; // a key's rest for a model is not stored: nothing to write
        }
        Map<EndpointId, List<StoredKey>> all;
        long version;
        synchronized (guard) {
            all = snapshot();
            version = ++changes;
        }
        synchronized (saving) {
            if (version <= saved) {
                return; // a later snapshot, which includes this change, is already stored
            }
            try {
                save(all);
                saved = version;
            } catch (KeyStoreException e) {
                LOG.log(ERROR, "could not store the key change of endpoint {0}: {1}", pool.endpoint(), e.getMessage());
            }
        }
    }

    private Map<EndpointId, List<StoredKey>> snapshot() {
        Map<EndpointId, List<StoredKey>> all = new LinkedHashMap<>(unconfigured);
        pools.forEach((endpoint, pool) -> {
            if (!unconfigured.containsKey(endpoint)) {
                all.put(endpoint, pool.stored());
            }
        });
        return all;
    }

    // Each pool's keys are recorded with its endpoint's base URL; keys kept aside keep the one they had.
    private void save(Map<EndpointId, List<StoredKey>> all) {
        Map<EndpointId, URI> urls = new LinkedHashMap<>();
        all.keySet().forEach(endpoint -> {
            URI url = pools.containsKey(endpoint) && !unconfigured.containsKey(endpoint) && baseUrls.containsKey(endpoint)
                    ? baseUrls.get(endpoint) : recorded.get(endpoint);
            if (url != null) {
                urls.put(endpoint, url);
            }
        });
        store.save(all, urls);
    }

    // Keys given to an endpoint at its base URL replace those kept aside for another one.
    private void supersede(EndpointId endpoint, List<StoredKey> keys) {
        List<StoredKey> aside = keys.isEmpty() || !pools.containsKey(endpoint) ? null : unconfigured.remove(endpoint);
        if (aside != null) {
            LOG.log(WARNING, "endpoint {0} now has keys for {1}: the keys {2} stored for {3} are removed", endpoint,
                    baseUrls.get(endpoint), fingerprints(aside), recorded.get(endpoint));
            recorded.remove(endpoint);
        }
    }

    private static List<String> fingerprints(List<StoredKey> keys) {
        return keys.stream().map(key -> key.key().fingerprint()).toList();
    }

    private void announce(KeyEvent event) {
        telemetry.keyEvent(event);
        switch (event.kind()) {
            case DISABLED -> LOG.log(ERROR, "key {0} of endpoint {1} is disabled: {2}", event.fingerprint(),
                    event.endpoint(), event.detail());
            case ROLLED_BACK -> LOG.log(ERROR, "ROTATION ROLLED BACK on endpoint {0}: {1}", event.endpoint(),
                    event.detail());
            case COOLING -> LOG.log(WARNING, "key {0} of endpoint {1} is rate limited, {2}", event.fingerprint(),
                    event.endpoint(), event.detail());
            case RETIRED -> LOG.log(INFO, "key {0} of endpoint {1} is retired: {2}", event.fingerprint(),
                    event.endpoint(), event.detail());
            case REFUSAL_CONFIRMED, REFUSAL_NOT_CONFIRMED, REFUSAL_UNVERIFIED -> {
                // logged where the re-check decided
            }
        }
    }
}
