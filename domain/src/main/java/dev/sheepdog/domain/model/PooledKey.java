package dev.sheepdog.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A key inside its pool: its state, the models it rests for, the streams it carries, what traffic
 * did with it. Guarded by the pool.
 */
final class PooledKey {

    final ApiKey key;
    final Instant addedAt;
    KeyState state;
    String replaces;
    Instant retiringSince;
    Instant coolingUntil;
    int inFlight;
    long requests;
    Instant lastUsed;
    String lastError;
    // Not stored: a rest lasts seconds, and a restart costs at most one more 429 per model.
    final ModelCooldowns cooldowns = new ModelCooldowns();

    PooledKey(StoredKey stored) {
        this.key = stored.key();
        this.addedAt = stored.addedAt();
        this.state = stored.state();
        this.replaces = stored.replaces().orElse(null);
        this.retiringSince = stored.retiringSince().orElse(null);
        this.coolingUntil = stored.coolingUntil().orElse(null);
    }

    /**
     * Whether it may take a new request for the model now. A key stored as cooling by an earlier
     * version rests for every model; a cool-down that has passed makes it active again.
     */
    boolean takesRequests(Instant now, String model) {
        if (state == KeyState.COOLING && !now.isBefore(coolingUntil)) {
            state = KeyState.ACTIVE;
            coolingUntil = null;
        }
        return state == KeyState.ACTIVE && !cooldowns.resting(model, now);
    }

    /** When it may take a request for the model again, if it rests for it now. */
    Optional<Instant> coolingEnd(String model) {
        if (state == KeyState.COOLING) {
            return Optional.of(coolingUntil);
        }
        return state == KeyState.ACTIVE ? cooldowns.endOf(model) : Optional.empty();
    }

    StoredKey stored() {
        return new StoredKey(key, state, addedAt, Optional.ofNullable(replaces), Optional.ofNullable(retiringSince),
                Optional.ofNullable(coolingUntil));
    }

    // An active key resting for some models shows as cooling, until its last rest ends.
    KeyStatus status(EndpointId endpoint) {
        boolean resting = state == KeyState.ACTIVE && !cooldowns.isEmpty();
        return new KeyStatus(endpoint, key.fingerprint(), resting ? KeyState.COOLING : state, addedAt, requests,
                inFlight, Optional.ofNullable(lastUsed), Optional.ofNullable(lastError),
                resting ? cooldowns.lastEnd() : Optional.ofNullable(coolingUntil), Optional.ofNullable(replaces),
                cooldowns.snapshot());
    }
}
