package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.TrafficReport;

/** Set the share of users the canary takes, from 0 to 1. */
public interface SetCanaryWeightUseCase {

    TrafficReport setCanaryWeight(double weight, String actor);
}
