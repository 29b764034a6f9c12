package dev.sheepdog.domain.model;

import static dev.sheepdog.domain.model.KeyChangeRejected.Reason.DUPLICATE_KEY;
import static dev.sheepdog.domain.model.KeyChangeRejected.Reason.UNKNOWN_KEY;
import static dev.sheepdog.domain.model.KeyChangeRejected.Reason.WRONG_STATE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An operator's changes to one endpoint's stored keys, as new lists: computed first, stored, and
 * only then given to the pool, so a key never takes traffic before it is safely kept.
 */
public final class KeyChanges {

    private KeyChanges() {
    }

    public static List<StoredKey> add(List<StoredKey> keys, ApiKey key, Instant now) {
        requireAbsent(keys, key);
        List<StoredKey> changed = new ArrayList<>(keys);
        changed.add(StoredKey.active(key, now));
        return changed;
    }

    /**
     * The new key takes new requests; the old one retires, and stays a roll-back target during the
     * probation. An old key still in its own probation keeps the key it replaced, so a chained
     * rotation (A to B, then B to C) keeps A until B's probation is over, as for a single one.
     */
    public static List<StoredKey> rotate(List<StoredKey> keys, String oldFingerprint, ApiKey newKey, Instant now) {
        StoredKey old = find(keys, oldFingerprint);
        if (old.state() == KeyState.RETIRING) {
            throw new KeyChangeRejected(WRONG_STATE, "Key " + oldFingerprint + " is already being retired.");
        }
        requireAbsent(keys, newKey);
        boolean oldCanComeBack = old.state() != KeyState.DISABLED;
        List<StoredKey> changed = new ArrayList<>();
        for (StoredKey key : keys) {
            changed.add(key == old ? new StoredKey(old.key(), KeyState.RETIRING, old.addedAt(), old.replaces(),
                    Optional.of(now), Optional.empty()) : key);
        }
        changed.add(new StoredKey(newKey, KeyState.ACTIVE, now,
                oldCanComeBack ? Optional.of(oldFingerprint) : Optional.empty(), Optional.empty(), Optional.empty()));
        return changed;
    }

    public static List<StoredKey> disable(List<StoredKey> keys, String fingerprint) {
        StoredKey key = find(keys, fingerprint);
        if (key.state() == KeyState.RETIRING) {
            throw new KeyChangeRejected(WRONG_STATE, "Key " + fingerprint + " is being retired; remove it instead.");
        }
        return replace(keys, key, new StoredKey(key.key(), KeyState.DISABLED, key.addedAt(), key.replaces(),
                Optional.empty(), Optional.empty()));
    }

    public static List<StoredKey> enable(List<StoredKey> keys, String fingerprint) {
        StoredKey key = find(keys, fingerprint);
        if (key.state() != KeyState.DISABLED) {
            throw new KeyChangeRejected(WRONG_STATE, "Key " + fingerprint + " is not disabled.");
        }
        return replace(keys, key, StoredKey.active(key.key(), key.addedAt()));
    }

    public static List<StoredKey> remove(List<StoredKey> keys, String fingerprint) {
        StoredKey key = find(keys, fingerprint);
        List<StoredKey> changed = new ArrayList<>(keys);
        changed.remove(key);
        return changed;
    }

    private static StoredKey find(List<StoredKey> keys, String fingerprint) {
        return keys.stream().filter(key -> key.key().fingerprint().equals(fingerprint)).findFirst()
                .orElseThrow(() -> new KeyChangeRejected(UNKNOWN_KEY, "No key with fingerprint " + fingerprint + "."));
    }

    private static void requireAbsent(List<StoredKey> keys, ApiKey key) {
        if (keys.stream().anyMatch(stored -> stored.key().equals(key))) {
            throw new KeyChangeRejected(DUPLICATE_KEY, "Key " + key.fingerprint() + " is already in this pool.");
        }
    }

    private static List<StoredKey> replace(List<StoredKey> keys, StoredKey old, StoredKey updated) {
        List<StoredKey> changed = new ArrayList<>(keys);
        changed.set(changed.indexOf(old), updated);
        return changed;
    }
}
