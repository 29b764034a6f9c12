package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.TrafficReport;

/** Take every user off the canary now. */
public interface RollBackCanaryUseCase {

    TrafficReport rollBackCanary(String actor);
}
