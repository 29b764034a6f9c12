package dev.sheepdog.domain.service;

import dev.sheepdog.domain.port.out.FleetStatistics;
import dev.sheepdog.domain.port.out.FleetStatisticsContract;

class LocalFleetStatisticsContractTest extends FleetStatisticsContract {

    private final LocalFleetStatistics statistics = new LocalFleetStatistics();

    @Override
    protected FleetStatistics statistics() {
        return statistics;
    }

    @Override
    protected FleetStatistics sameFleet() {
        return statistics;
    }
}
