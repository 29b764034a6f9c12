package dev.sheepdog.domain.port.out;

/**
 * Which gateway of a fleet judges the canary: one at a time, and another soon after it dies, so that
 * the rollout moves once per interval, not once per gateway.
 */
public interface JudgeElection {

    /** A gateway alone is always its own judge. */
    JudgeElection ALONE = () -> true;

    /**
     * Whether this gateway is the judge now: it becomes it when nobody else is, and stays it while it lives.
     * Called once per interval; false, never an exception, when it cannot tell (no one judges rather than two).
     */
    boolean lead();
}
