package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * One endpoint in the traffic report.
 *
 * @param share          the share of users it takes first (primary and canary), 0 for the others
 * @param shadowFraction the share of requests copied to it, for a shadow
 * @param shadowsSkipped copies skipped since start because the shadows were saturated
 */
public record EndpointTraffic(EndpointId endpoint, URI baseUrl, EndpointRole role, double share,
                              CircuitState circuit, WindowSummary window, double shadowFraction,
                              long shadowsSkipped) {

    public EndpointTraffic {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(baseUrl, "baseUrl");
        requireNonNull(role, "role");
        requireNonNull(circuit, "circuit");
        requireNonNull(window, "window");
    }
}
