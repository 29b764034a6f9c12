package dev.sheepdog.domain.model;

import java.util.List;

/** How traffic is allocated now, how each endpoint is doing, and the canary's recent decisions. */
public record TrafficReport(List<EndpointTraffic> endpoints, double canaryWeight, boolean paused,
                            List<CanaryDecision> decisions) {

    public TrafficReport {
        endpoints = List.copyOf(endpoints);
        decisions = List.copyOf(decisions);
    }
}
