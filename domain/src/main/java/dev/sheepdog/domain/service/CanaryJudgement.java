package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.WindowSummary;
import java.time.Duration;

/** How a canary's window compares with the primary's, under the policy's thresholds. */
record CanaryJudgement(WindowSummary primary, WindowSummary canary, boolean enoughSamples, boolean healthy,
                       boolean clearlyWorse, String reason) {

    static CanaryJudgement of(WindowSummary primary, WindowSummary canary, CanaryPolicy policy) {
        if (primary.requests() < policy.minSamples() || canary.requests() < policy.minSamples()) {
            return new CanaryJudgement(primary, canary, false, false, false, "fewer than " + policy.minSamples()
                    + " requests on one side");
        }
        double latencyRatio = ratio(canary.ttftP95(), primary.ttftP95());
        boolean overSlo = policy.p95Slo().map(slo -> canary.ttftP95().compareTo(slo) > 0).orElse(false);
        boolean farOverSlo = policy.p95Slo()
                .map(slo -> ratio(canary.ttftP95(), slo) > policy.rollbackFactor()).orElse(false);
        double errorGap = canary.errorRate() - primary.errorRate();
        boolean worse = latencyRatio > policy.rollbackFactor() || farOverSlo || errorGap > policy.rollbackErrorMargin();
        boolean healthy = !worse && latencyRatio <= policy.p95Tolerance() && !overSlo
                && errorGap <= policy.errorMargin();
        String reason = String.format(java.util.Locale.ROOT, "%s: p95 ratio %.2f, error gap %+.3f%s",
                worse ? "clearly worse" : healthy ? "healthy" : "in between", latencyRatio, errorGap,
                overSlo ? ", over the p95 SLO" : "");
        return new CanaryJudgement(primary, canary, true, healthy, worse, reason);
    }

    // A side with no time to first token at all (no answer) compares as infinitely slow.
    private static double ratio(Duration value, Duration reference) {
        if (reference.isZero()) {
            return value.isZero() ? 1 : Double.POSITIVE_INFINITY;
        }
        return (double) value.toNanos() / reference.toNanos();
    }
}
