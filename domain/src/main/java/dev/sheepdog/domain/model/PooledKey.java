package dev.sheepdog.domain.model;

import java.time.Instant;
import java.util.Optional;

/** A key inside its pool: its state, the streams it carries, what traffic did with it. Guarded by the pool. */
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

    PooledKey(StoredKey stored) {
        this.key = stored.key();
        this.addedAt = stored.addedAt();
        this.state = stored.state();
        this.replaces = stored.replaces().orElse(null);
        this.retiringSince = stored.retiringSince().orElse(null);
        this.coolingUntil = stored.coolingUntil().orElse(null);
    }

    /** Whether it may take a new request now; a cool-down that has passed makes it active again. */
    boolean takesRequests(Instant now) {
        if (state == KeyState.COOLING && !now.isBefore(coolingUntil)) {
            state = KeyState.ACTIVE;
            coolingUntil = null;
        }
        return state == KeyState.ACTIVE;
    }

    StoredKey stored() {
        return new StoredKey(key, state, addedAt, Optional.ofNullable(replaces), Optional.ofNullable(retiringSince),
                Optional.ofNullable(coolingUntil));
    }

    KeyStatus status(EndpointId endpoint) {
        return new KeyStatus(endpoint, key.fingerprint(), state, addedAt, requests, inFlight,
                Optional.ofNullable(lastUsed), Optional.ofNullable(lastError), Optional.ofNullable(coolingUntil),
                Optional.ofNullable(replaces));
    }
}
