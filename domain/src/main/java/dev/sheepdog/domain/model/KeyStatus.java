package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** What an operator may know about a key: everything but the secret. */
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
        Optional<String> replaces) {

    public KeyStatus {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(fingerprint, "fingerprint");
        requireNonNull(state, "state");
        requireNonNull(addedAt, "addedAt");
        requireNonNull(lastUsed, "lastUsed");
        requireNonNull(lastError, "lastError");
        requireNonNull(coolingUntil, "coolingUntil");
        requireNonNull(replaces, "replaces");
    }
}
