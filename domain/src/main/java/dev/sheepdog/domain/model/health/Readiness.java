package dev.sheepdog.domain.model.health;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this instance should take new traffic: starting, ready or draining, plus the
 * degradations its components raise and clear while it serves on (a database gone away, say).
 * Only the instance itself changes it; what a caller sends never does.
 */
public final class Readiness {

    /** Longest reason accepted: a reason is a short phrase for an operator, never an error's full text. */
    static final int MAX_REASON_LENGTH = 120;

    private final AtomicReference<ReadinessPhase> phase = new AtomicReference<>(ReadinessPhase.STARTING);
    private final Set<String> degradations = ConcurrentHashMap.newKeySet();

    /** Start-up has completed. Once draining, stays draining: a stopping instance never takes traffic again. */
    public void ready() {
        phase.compareAndSet(ReadinessPhase.STARTING, ReadinessPhase.READY);
    }

    /** A stop was asked for: from now on, no new traffic. */
    public void drain() {
        phase.set(ReadinessPhase.DRAINING);
    }

    /**
     * Something this instance depends on fails, but it serves on. Raising a reason already raised does nothing.
     *
     * @param reason a fixed phrase such as {@code database unreachable}; never an exception's message,
     *               which may carry a host, a user or a secret
     */
    public void raise(String reason) {
        degradations.add(checked(reason));
    }

    /** The failure behind this reason is over; clearing a reason not raised does nothing. */
    public void clear(String reason) {
        degradations.remove(checked(reason));
    }

    public ReadinessReport report() {
        return new ReadinessReport(phase.get(), degradations.stream().sorted().toList());
    }

    private static String checked(String reason) {
        requireNonNull(reason, "reason");
        if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH
                || reason.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a degradation's reason is a short phrase on one line, of at most "
                    + MAX_REASON_LENGTH + " characters");
        }
        return reason;
    }
}
