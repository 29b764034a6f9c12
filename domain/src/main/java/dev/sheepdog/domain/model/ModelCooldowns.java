package dev.sheepdog.domain.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The models one key is resting for, each until its own time. Providers rate-limit a key per
 * model, so a 429 for one model says nothing about the others. Guarded by the pool.
 */
final class ModelCooldowns {

    // Only a provider's 429 adds an entry, and each leaves when its rest is over; the cap bounds a
    // provider that would rate-limit every made-up model name a caller sends.
    static final int MAX_MODELS = 100;

    private final Map<String, Instant> until = new HashMap<>();

    /** Rests the model until then; false when it already rests at least that long, or too many models rest. */
    boolean rest(String model, Instant end, Instant now) {
        forgetEnded(now);
        Instant current = until.get(model);
        if (current != null && !current.isBefore(end)) {
            return false;
        }
        if (current == null && until.size() >= MAX_MODELS) {
            return false;
        }
        until.put(model, end);
        return true;
    }

    /** Whether the model rests now; a rest that has passed is forgotten. */
    boolean resting(String model, Instant now) {
        Instant end = until.get(model);
        if (end != null && !now.isBefore(end)) {
            until.remove(model);
            return false;
        }
        return end != null;
    }

    Optional<Instant> endOf(String model) {
        return Optional.ofNullable(until.get(model));
    }

    /** When the last rest ends: the key then takes every model again. */
    Optional<Instant> lastEnd() {
        return until.values().stream().max(Comparator.naturalOrder());
    }

    Map<String, Instant> snapshot() {
        return Map.copyOf(until);
    }

    boolean isEmpty() {
        return until.isEmpty();
    }

    /** The model's name as a log line may show it: no line breaks or other controls, at most 100 characters. */
    static String printable(String model) {
        StringBuilder shown = new StringBuilder();
        model.codePoints().limit(100).forEach(c -> shown.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c));
        return shown.toString();
    }

    private void forgetEnded(Instant now) {
        until.values().removeIf(end -> !now.isBefore(end));
    }
}
