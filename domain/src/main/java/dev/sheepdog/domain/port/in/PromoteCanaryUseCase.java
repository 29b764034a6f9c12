package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.TrafficReport;

/** Make the canary the primary now; the old primary stands by for failover. */
public interface PromoteCanaryUseCase {

    TrafficReport promoteCanary(String actor);
}
