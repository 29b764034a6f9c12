package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One decision about the canary, with the numbers it was based on: the audit trail of a rollout.
 *
 * @param primary the primary's window when the decision was made
 * @param canary  the canary's window when the decision was made
 */
public record CanaryDecision(Instant at, Action action, double weightBefore, double weightAfter,
                             WindowSummary primary, WindowSummary canary, String reason) {

    /** What was decided, by the controller or by an operator. */
    public enum Action {
        /** The canary was healthy long enough: its share grows. */
        STEP_UP,
        /** The canary reached the whole share and became the primary. */
        PROMOTE,
        /** The canary was clearly worse: its share went to zero, and the alert was raised. */
        ROLL_BACK,
        /** Neither clearly better nor worse, or not healthy for long enough yet. */
        HOLD,
        /** Too few requests on one side to judge. */
        WAIT,
        /** An operator set the share. */
        SET_WEIGHT,
        /** An operator paused the controller. */
        PAUSE,
        /** An operator resumed the controller. */
        RESUME
    }

    public CanaryDecision {
        requireNonNull(at, "at");
        requireNonNull(action, "action");
        requireNonNull(primary, "primary");
        requireNonNull(canary, "canary");
        requireNonNull(reason, "reason");
    }
}
