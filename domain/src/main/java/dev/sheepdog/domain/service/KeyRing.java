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
import dev.sheepdog.domain.model.KeyRest;
import dev.sheepdog.domain.model.KeyStatus;
import dev.sheepdog.domain.model.KeyStoreException;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.port.out.CompletionProvider;
import dev.sheepdog.domain.port.out.KeyRests;
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
 * The key pools of every endpoint, kept in the key store, which other gateways may share (see
 * {@link KeyRingStorage} for how writes never undo another gateway's change). Traffic's events are
 * reported to the telemetry, with a key's rests for rate-limited models, which are not stored but
 * told to the fleet's other gateways through {@link KeyRests}.
 */
public final class KeyRing implements KeyPool.Listener {

    private static final System.Logger LOG = System.getLogger("sheepdog.keys");

    private final Clock clock;
    private final Telemetry telemetry;
    private final KeyRechecks rechecks;
    private final KeyRests rests;
    private final Object guard = new Object();
    private final Map<EndpointId, KeyPool> pools = new LinkedHashMap<>();
    private final KeyRingStorage storage;

    /** A ring that does not check base URLs: for endpoints whose base URL never changes (tests). */
    public KeyRing(KeyStore store, KeyPolicy policy, Clock clock, Set<EndpointId> endpoints,
                   Map<String, CompletionProvider> providers, Telemetry telemetry) {
        this(store, policy, clock, endpoints, Map.of(), providers, telemetry, UnsharedKeyRests.INSTANCE);
    }

    /**
     * @param baseUrls  each configured endpoint's base URL: stored keys are used only by an endpoint at the base
     *                  URL they were stored for (keys stored before base URLs were recorded are taken as its own)
     * @param providers the provider adapter for each {@link Endpoint#provider()} name: it re-checks refused keys
     * @param rests     where the fleet's gateways tell each other of keys resting after a 429
     */
    public KeyRing(KeyStore store, KeyPolicy policy, Clock clock, Map<EndpointId, URI> baseUrls,
                   Map<String, CompletionProvider> providers, Telemetry telemetry, KeyRests rests) {
        this(store, policy, clock, baseUrls.keySet(), baseUrls, providers, telemetry, rests);
    }

    private KeyRing(KeyStore store, KeyPolicy policy, Clock clock, Set<EndpointId> endpoints,
                    Map<EndpointId, URI> baseUrls, Map<String, CompletionProvider> providers, Telemetry telemetry,
                    KeyRests rests) {
        this.rests = rests;
        this.clock = clock;
        this.telemetry = telemetry;
        this.rechecks = new KeyRechecks(providers, policy, clock, telemetry);
        this.storage = new KeyRingStorage(store, clock, new EndpointKeys(baseUrls), pools, guard);
        storage.usableAtStart(endpoints).forEach((endpoint, usable) ->
                pools.put(endpoint, new KeyPool(endpoint, usable, policy, this, guard)));
    }

    /**
     * Takes over what the store holds now, when another gateway sharing it changed it: each pool
     * gets its endpoint's stored keys and their states, keeping the traffic counters of keys that
     * stay. A change of this gateway's not yet stored is kept, to be carried onto them when stored.
     *
     * @throws KeyStoreException when the store cannot be read; the pools are then unchanged
     */
    public void reload() {
        storage.reload();
        sweep();
    }

    /**
     * Makes the configured keys (e.g. {@code HOLYSHEEP_API_KEY}) each endpoint's keys: the configuration
     * wins over the store. When every configured key of an endpoint is stored already, its stored keys
     * stay as they are (with their state, and beside keys added with {@code sheepdog keys}); otherwise
     * the configured keys replace them. An endpoint with no configured key keeps its stored keys.
     */
    public void useConfiguredKeys(Map<EndpointId, List<ApiKey>> configured) {
        configured.forEach((endpoint, keys) -> {
            if (!keys.isEmpty()) {
                pool(endpoint); // an endpoint not configured is refused, before anything is written
            }
        });
        storage.useConfiguredKeys(configured);
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
     * Applies an operator's change to one endpoint's keys as the store holds them now: stored first,
     * then taken over by the pool. When storing fails, nothing changed.
     */
    public void change(EndpointId endpoint, UnaryOperator<List<StoredKey>> change) {
        KeyPool pool = pool(endpoint);
        storage.change(endpoint, change);
        pool.sweep(clock.instant());
    }

    /** Lets retiring keys go whose time has come; run on a schedule. */
    public void sweep() {
        pools.values().forEach(pool -> pool.sweep(clock.instant()));
    }

    /**
     * Rests keys for models as the fleet's other gateways were told by the provider, so that one 429
     * rests a key for every gateway.
     *
     * @throws RuntimeException the port's, when the fleet's rests cannot be read; nothing changed then
     */
    public void restAsTold() {
        List<KeyRest> told = rests.current();
        synchronized (guard) {
            for (KeyRest rest : told) {
                KeyPool pool = pools.get(rest.endpoint());
                if (pool != null) {
                    pool.restAsTold(rest, clock.instant());
                }
            }
        }
    }

    @Override
    public void rested(KeyPool pool, KeyRest rest) {
        try {
            rests.tell(rest);
        } catch (RuntimeException e) {
            LOG.log(WARNING, "could not tell the fleet that key {0} of endpoint {1} rests: {2}", rest.fingerprint(),
                    rest.endpoint(), e.getMessage());
        }
    }

    @Override
    public void changed(KeyPool pool, List<KeyEvent> events) {
        events.forEach(this::announce);
        if (events.stream().allMatch(event -> event.kind() == KeyEvent.Kind.COOLING)) {
            return; // a key's rest for a model is not stored: nothing to write
        }
        storage.storeTrafficsChange(pool);
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
