package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.InstanceId;
import dev.sheepdog.domain.model.WindowCounts;
import java.util.Map;

/**
 * Where every gateway of a fleet reports its endpoints' windows, and where the canary judge reads
 * them added up: the fleet's traffic as one window, whichever gateway served it.
 */
public interface FleetStatistics {

    /**
     * Replaces what {@code instance} reported before with {@code windows}.
     *
     * @throws dev.sheepdog.domain.model.FleetStatisticsException when the report could not be kept
     */
    void report(InstanceId instance, Map<EndpointId, WindowCounts> windows);

    /**
     * Every endpoint's windows summed over the instances' latest reports; a report too old to be from a
     * live instance is left out.
     *
     * @throws dev.sheepdog.domain.model.FleetStatisticsException when the reports cannot be read
     */
    Map<EndpointId, WindowCounts> combined();
}
