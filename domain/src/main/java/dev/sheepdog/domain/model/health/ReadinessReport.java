package dev.sheepdog.domain.model.health;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What an instance says about its readiness at one moment.
 *
 * @param degradations why it serves less well than it should, e.g. {@code database unreachable}, in
 *                     alphabetical order; none when all is well
 */
public record ReadinessReport(ReadinessPhase phase, List<String> degradations) {

    public ReadinessReport {
        requireNonNull(phase, "phase");
        degradations = List.copyOf(degradations);
    }

    /**
     * Whether a load balancer should send new traffic here. A degraded instance still should: taking
     * every instance out because a shared dependency failed would turn a partial outage into a full one.
     */
    public boolean takesTraffic() {
        return phase == ReadinessPhase.READY;
    }

    public boolean degraded() {
        return !degradations.isEmpty();
    }
}
