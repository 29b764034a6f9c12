package dev.sheepdog.domain.service;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.InstanceId;
import dev.sheepdog.domain.port.out.FleetStatistics;
import dev.sheepdog.domain.port.out.JudgeElection;

/**
 * The canary controller's place in a fleet: who this gateway is, where it reports its windows, and
 * whether it is the one judge. A gateway alone is a fleet of one, its own judge.
 */
public record CanaryFleet(InstanceId instance, FleetStatistics statistics, JudgeElection judge) {

    public CanaryFleet {
        requireNonNull(instance, "instance");
        requireNonNull(statistics, "statistics");
        requireNonNull(judge, "judge");
    }

    public static CanaryFleet alone() {
        return new CanaryFleet(InstanceId.random(), new LocalFleetStatistics(), JudgeElection.ALONE);
    }
}
