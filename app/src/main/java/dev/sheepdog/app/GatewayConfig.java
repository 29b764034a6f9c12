package dev.sheepdog.app;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.adapter.in.http.HttpSettings;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.util.Optional;

/**
 * Everything {@code serve} is configured with, from flags and environment variables.
 *
 * @param holySheepKey   the provider key; without one the gateway answers from the simulator
 * @param holySheepUrl   the OpenAI-compatible base URL the key belongs to
 */
public record GatewayConfig(
        HttpSettings http,
        SimulatorSettings simulator,
        Optional<String> holySheepKey,
        URI holySheepUrl,
        StreamDeadlines deadlines) {

    public static final URI HOLYSHEEP_DEFAULT_URL = URI.create("https://api.holysheep.ai/v1");

    public GatewayConfig {
        requireNonNull(http, "http");
        requireNonNull(simulator, "simulator");
        requireNonNull(holySheepKey, "holySheepKey");
        requireNonNull(holySheepUrl, "holySheepUrl");
        requireNonNull(deadlines, "deadlines");
    }

    /** Whether requests go to the built-in simulator because no provider key is configured. */
    public boolean offline() {
        return holySheepKey.isEmpty();
    }
}
