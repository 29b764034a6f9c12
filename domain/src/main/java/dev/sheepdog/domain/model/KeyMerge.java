package dev.sheepdog.domain.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Carries what one gateway changed in an endpoint's keys onto what the shared store holds now, key by
 * key, so that storing its change never undoes another gateway's: keys it did not touch stay as stored.
 */
public final class KeyMerge {

    private KeyMerge() {
    }

    /**
     * {@code stored} with the changes from {@code before} to {@code after}: each key changed there takes its
     * new state (unless the store no longer has it: a removal elsewhere wins), each key removed there is
     * removed, and each key added there is appended, unless the store has it already.
     */
    public static List<StoredKey> onto(List<StoredKey> stored, List<StoredKey> before, List<StoredKey> after) {
        if (before.equals(after)) {
            return stored;
        }
        Map<String, StoredKey> was = byFingerprint(before);
        Map<String, StoredKey> now = byFingerprint(after);
        List<StoredKey> merged = new ArrayList<>();
        for (StoredKey key : stored) {
            String fingerprint = key.key().fingerprint();
            if (!was.containsKey(fingerprint) || now.containsKey(fingerprint)) {
                StoredKey changed = now.get(fingerprint);
                merged.add(changed != null && !changed.equals(was.get(fingerprint)) ? changed : key);
            }
        }
        Map<String, StoredKey> kept = byFingerprint(stored);
        after.stream().filter(key -> !was.containsKey(key.key().fingerprint()))
                .filter(key -> !kept.containsKey(key.key().fingerprint())).forEach(merged::add);
        return List.copyOf(merged);
    }

    private static Map<String, StoredKey> byFingerprint(List<StoredKey> keys) {
        return keys.stream().collect(Collectors.toMap(key -> key.key().fingerprint(), Function.identity(),
                (first, second) -> first, LinkedHashMap::new));
    }
}
