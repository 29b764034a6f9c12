package dev.sheepdog.domain.service;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.InstanceId;
import dev.sheepdog.domain.model.WindowCounts;
import dev.sheepdog.domain.port.out.FleetStatistics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fleet statistics within one process: for a gateway alone its own report is the fleet's, and tests
 * share one between several controllers. Nothing here grows stale, since nothing here outlives its reporter.
 */
public final class LocalFleetStatistics implements FleetStatistics {

    private final Map<InstanceId, Map<EndpointId, WindowCounts>> reports = new ConcurrentHashMap<>();

    @Override
    public void report(InstanceId instance, Map<EndpointId, WindowCounts> windows) {
        reports.put(requireNonNull(instance, "instance"), Map.copyOf(windows));
    }

    @Override
    public Map<EndpointId, WindowCounts> combined() {
        Map<EndpointId, WindowCounts> sum = new HashMap<>();
        reports.values().forEach(report -> report.forEach((endpoint, window) -> sum.merge(endpoint, window,
                WindowCounts::plus)));
        return Map.copyOf(sum);
    }
}
