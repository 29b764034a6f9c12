package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How the canary controller judges a canary against the primary.
 *
 * @param interval            how often it judges
 * @param window              how much recent traffic it judges on
 * @param minSamples          requests needed on each side before it judges at all
 * @param step                how much the canary's share grows after a healthy stretch
 * @param p95Tolerance        healthy when the canary's p95 time to first token is at most this many times the primary's
 * @param p95Slo              and, when set, at most this absolute time
 * @param rollbackFactor      clearly worse when the canary's p95 is more than this many times the primary's (or the SLO's)
 * @param errorMargin         healthy when its error rate is at most the primary's plus this
 * @param rollbackErrorMargin clearly worse when its error rate is more than the primary's plus this
 * @param healthyToStep       consecutive healthy judgements before a step up
 * @param worseToRollBack     consecutive clearly-worse judgements before a roll-back
 */
public record CanaryPolicy(Duration interval, Duration window, long minSamples, double step, double p95Tolerance,
                           Optional<Duration> p95Slo, double rollbackFactor, double errorMargin,
                           double rollbackErrorMargin, int healthyToStep, int worseToRollBack) {

    public static final CanaryPolicy DEFAULT = new CanaryPolicy(Duration.ofSeconds(60), Duration.ofMinutes(5), 20, 0.10,
            1.2, Optional.empty(), 2.0, 0.01, 0.05, 2, 2);

    public CanaryPolicy {
        requireNonNull(interval, "interval");
        requireNonNull(window, "window");
        requireNonNull(p95Slo, "p95Slo");
        if (step <= 0 || step > 1) {
            throw new IllegalArgumentException("the canary step must be in (0, 1]: " + step);
        }
        if (p95Tolerance < 1 || rollbackFactor < p95Tolerance) {
            throw new IllegalArgumentException("need 1 <= p95 tolerance <= rollback factor");
        }
        if (errorMargin < 0 || rollbackErrorMargin < errorMargin) {
            throw new IllegalArgumentException("need 0 <= error margin <= roll-back error margin");
        }
        if (minSamples < 1 || healthyToStep < 1 || worseToRollBack < 1) {
            throw new IllegalArgumentException("samples and streaks must be at least 1");
        }
    }
}
