package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator may know about a key: everything but the secret.
 *
 * @param state         {@link KeyState#COOLING} also while an active key rests for some models
 * @param coolingUntil  when the key takes requests for every model again, while it is cooling
 * @param coolingModels the models it rests for, each until when (a 429 rests one model, not the key)
 */
public record KeyStatus(
        EndpointId endpoint,
        String fingerprint,
        KeyState state,
        Instant addedAt,
        long requests,
        int inFlight,
        Optional<Instant> lastUsed,
        Optional<String> lastError,
        Optional<Instant> coolingUntil,
        Optional<String> replaces,
        Map<String, Instant> coolingModels) {

    public KeyStatus {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(fingerprint, "fingerprint");
        requireNonNull(state, "state");
        requireNonNull(addedAt, "addedAt");
        requireNonNull(lastUsed, "lastUsed");
        requireNonNull(lastError, "lastError");
        requireNonNull(coolingUntil, "coolingUntil");
        requireNonNull(replaces, "replaces");
        coolingModels = Map.copyOf(coolingModels);
    }

    /** A key that rests for no model in particular. */
    public KeyStatus(EndpointId endpoint, String fingerprint, KeyState state, Instant addedAt, long requests,
                     int inFlight, Optional<Instant> lastUsed, Optional<String> lastError,
                     Optional<Instant> coolingUntil, Optional<String> replaces) {
        this(endpoint, fingerprint, state, addedAt, requests, inFlight, lastUsed, lastError, coolingUntil, replaces,
                Map.of());
    }
}
