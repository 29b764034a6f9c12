package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.TrafficReport;

/** See how traffic is allocated, how each endpoint is doing and what the canary controller decided. */
public interface ViewTrafficUseCase {

    TrafficReport traffic();
}
