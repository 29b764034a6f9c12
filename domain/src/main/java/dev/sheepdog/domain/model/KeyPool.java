package dev.sheepdog.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys of one endpoint. New requests take the active keys in turn; traffic rests a key for the
 * model it was rate-limited on, and disables a refused key; a retiring key leaves once its last stream is over and the key
 * that replaced it has passed its probation, or when its grace runs out.
 */
public final class KeyPool {

    /** Hears of every change traffic made to the pool, after the pool's lock is released. */
    @FunctionalInterface
    public interface Listener {
        void changed(KeyPool pool, List<KeyEvent> events);

        /** A provider's 429 made a key rest for a model: the fleet may want to know. */
        default void rested(KeyPool pool, KeyRest rest) {
        }
    }

    // A rest heard from the fleet that ends within this of the one the key has is the same rest, told back.
    private static final Duration SAME_REST = Duration.ofSeconds(1);

    private final EndpointId endpoint;
    private final KeyPolicy policy;
    private final Listener listener;
    // Shared with the ring that owns the pool, so a change can be stored and applied atomically.
    private final Object guard;
    private final List<PooledKey> keys = new ArrayList<>();
    private int cursor;

    public KeyPool(EndpointId endpoint, List<StoredKey> stored, KeyPolicy policy, Listener listener, Object guard) {
        this.endpoint = endpoint;
        this.policy = policy;
        this.listener = listener;
        this.guard = guard;
        stored.forEach(key -> keys.add(new PooledKey(key)));
    }

    public EndpointId endpoint() {
        return endpoint;
    }

    /** The next active key, in turn, for a call not tied to a model (listing the models). */
    public Optional<KeyLease> lease(Instant now) {
        return lease(now, "");
    }

    /** The next active key that does not rest for the model, in turn; empty when none takes it now. */
    public Optional<KeyLease> lease(Instant now, String model) {
        synchronized (guard) {
            for (int i = 0; i < keys.size(); i++) {
                PooledKey candidate = keys.get((cursor + i) % keys.size());
                if (candidate.takesRequests(now, model)) {
                    cursor = (cursor + i + 1) % keys.size();
                    candidate.inFlight++;
                    candidate.requests++;
                    candidate.lastUsed = now;
                    return Optional.of(new KeyLease(this, candidate, model));
                }
            }
            return Optional.empty();
        }
    }

    /** Whether the pool has no key at all: its endpoint is then called without one. */
    public boolean isEmpty() {
        synchronized (guard) {
            return keys.isEmpty();
        }
    }

    /** When the first key resting for the model may take it again, if any key rests for it. */
    public Optional<Instant> coolingEnds(String model) {
        synchronized (guard) {
            return keys.stream().flatMap(key -> key.coolingEnd(model).stream()).min(Comparator.naturalOrder());
        }
    }

    public List<StoredKey> stored() {
        synchronized (guard) {
            return keys.stream().map(PooledKey::stored).toList();
        }
    }

    public List<KeyStatus> statuses() {
        synchronized (guard) {
            return keys.stream().map(key -> key.status(endpoint)).toList();
        }
    }

    /**
     * Takes over the keys as an operator's change left them in the store, keeping the traffic
     * counters of keys that stay: the store is the truth for what keys exist and their state.
     */
    public void reconcile(List<StoredKey> stored) {
        synchronized (guard) {
            Map<String, PooledKey> current = keys.stream()
                    .collect(Collectors.toMap(key -> key.key.fingerprint(), Function.identity()));
            keys.clear();
            for (StoredKey key : stored) {
                PooledKey pooled = current.getOrDefault(key.key().fingerprint(), new PooledKey(key));
                pooled.state = key.state();
                pooled.replaces = key.replaces().orElse(null);
                pooled.retiringSince = key.retiringSince().orElse(null);
                pooled.coolingUntil = key.coolingUntil().orElse(null);
                keys.add(pooled);
            }
            cursor = 0;
        }
    }

    /** Lets retiring keys go and ends probations whose time has come. */
    public void sweep(Instant now) {
        List<KeyEvent> events;
        synchronized (guard) {
            events = retireDue(now);
        }
        notify(events);
    }

    void refused(PooledKey key, int status, Instant now) {
        List<KeyEvent> events = new ArrayList<>();
        synchronized (guard) {
            if (key.state == KeyState.DISABLED || key.state == KeyState.RETIRING || !keys.contains(key)) {
                return;
            }
            key.state = KeyState.DISABLED;
            key.lastError = "refused by the provider (HTTP " + status + ") at " + now;
            events.add(new KeyEvent(KeyEvent.Kind.DISABLED, endpoint, key.key.fingerprint(), key.lastError));
            rollBack(key, now).ifPresent(events::add);
        }
        notify(events);
    }

    void rateLimited(PooledKey key, String model, Optional<Duration> wait, Instant now) {
        KeyEvent event;
        Duration rest = wait.orElse(policy.defaultCooldown());
        synchronized (guard) {
            Instant end = now.plus(rest);
            if (key.state != KeyState.ACTIVE || !keys.contains(key) || !key.cooldowns.rest(model, end, now)) {
                return;
            }
            String shown = model.isEmpty() ? "" : " for model " + ModelCooldowns.printable(model);
            key.lastError = "rate limited by the provider (HTTP 429)" + shown + " at " + now;
            event = new KeyEvent(KeyEvent.Kind.COOLING, endpoint, key.key.fingerprint(),
                    "resting" + shown + " until " + end);
        }
        notify(List.of(event));
        if (rest.isPositive()) {
            listener.rested(this, new KeyRest(endpoint, key.key.fingerprint(), model, rest));
        }
    }

    /**
     * Rests the key for the model as another gateway of the fleet heard from the provider, unless it rests
     * about that long already (its own rest, told back). Quietly: the gateway that heard the 429 said so.
     * Whether the key took the rest; a key this pool does not hold, or that is not active, takes none.
     */
    public boolean restAsTold(KeyRest rest, Instant now) {
        synchronized (guard) {
            Instant end = now.plus(rest.remaining());
            for (PooledKey key : keys) {
                if (key.key.fingerprint().equals(rest.fingerprint()) && key.state == KeyState.ACTIVE) {
                    boolean already = key.cooldowns.endOf(rest.model())
                            .filter(own -> !own.plus(SAME_REST).isBefore(end)).isPresent();
                    return !already && key.cooldowns.rest(rest.model(), end, now);
                }
            }
            return false;
        }
    }

    void released(PooledKey key, Instant now) {
        List<KeyEvent> events;
        synchronized (guard) {
            key.inFlight--;
            events = key.state == KeyState.RETIRING ? retireDue(now) : List.of();
        }
        notify(events);
    }

    private Optional<KeyEvent> rollBack(PooledKey refused, Instant now) {
        if (refused.replaces == null || !inProbation(refused, now)) {
            return Optional.empty();
        }
        for (PooledKey old : keys) {
            if (old.key.fingerprint().equals(refused.replaces) && old.state == KeyState.RETIRING) {
                old.state = KeyState.ACTIVE;
                old.retiringSince = null;
                refused.replaces = null;
                return Optional.of(new KeyEvent(KeyEvent.Kind.ROLLED_BACK, endpoint, old.key.fingerprint(),
                        "key " + refused.key.fingerprint() + " was refused during its probation; key "
                                + old.key.fingerprint() + " is active again"));
            }
        }
        return Optional.empty();
    }

    private List<KeyEvent> retireDue(Instant now) {
        keys.stream().filter(key -> key.replaces != null && !inProbation(key, now)).forEach(key -> key.replaces = null);
        List<KeyEvent> events = new ArrayList<>();
        for (Iterator<PooledKey> it = keys.iterator(); it.hasNext(); ) {
            PooledKey key = it.next();
            if (key.state == KeyState.RETIRING && (graceOver(key, now) || (key.inFlight <= 0 && !backsUpAnother(key)))) {
                it.remove();
                events.add(new KeyEvent(KeyEvent.Kind.RETIRED, endpoint, key.key.fingerprint(),
                        key.inFlight > 0 ? "grace over with " + key.inFlight + " streams still using it"
                                : "no stream uses it any more"));
            }
        }
        cursor = keys.isEmpty() ? 0 : cursor % keys.size();
        return events;
    }

    private boolean inProbation(PooledKey key, Instant now) {
        return now.isBefore(key.addedAt.plus(policy.probation()));
    }

    private boolean graceOver(PooledKey key, Instant now) {
        return !now.isBefore(key.retiringSince.plus(policy.retireGrace()));
    }

    private boolean backsUpAnother(PooledKey retiring) {
        return keys.stream().anyMatch(key -> retiring.key.fingerprint().equals(key.replaces));
    }

    private void notify(List<KeyEvent> events) {
        if (!events.isEmpty()) {
            listener.changed(this, events);
        }
    }
}
