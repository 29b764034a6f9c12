package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A provider key as it is kept in the key store: enough to rebuild the pool after a restart.
 *
 * @param replaces      the fingerprint of the key this one replaced in a rotation, while a roll-back
 *                      to it is still possible
 * @param retiringSince when a rotation started to retire this key
 * @param coolingUntil  when a rate-limited key may take requests again
 */
public record StoredKey(
        ApiKey key,
        KeyState state,
        Instant addedAt,
        Optional<String> replaces,
        Optional<Instant> retiringSince,
        Optional<Instant> coolingUntil) {

    public StoredKey {
        requireNonNull(key, "key");
        if (key.isNone()) {
            throw new IllegalArgumentException("a stored key must have a secret");
        }
        requireNonNull(state, "state");
        requireNonNull(addedAt, "addedAt");
        requireNonNull(replaces, "replaces");
        requireNonNull(retiringSince, "retiringSince");
        requireNonNull(coolingUntil, "coolingUntil");
    }

    public static StoredKey active(ApiKey key, Instant addedAt) {
        return new StoredKey(key, KeyState.ACTIVE, addedAt, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "StoredKey[" + key.fingerprint() + ", " + state + "]";
    }
}
