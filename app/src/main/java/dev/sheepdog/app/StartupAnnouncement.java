package dev.sheepdog.app;

import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import dev.sheepdog.domain.model.Endpoint;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code serve} says once it is ready: where it streams from, who it serves, where it listens. */
final class StartupAnnouncement {

    private static final Logger LOG = LoggerFactory.getLogger("sheepdog");

    private StartupAnnouncement() {
    }

    // Who is served is the first thing an operator in front of a public page must know.
    private static void announceAccess(AccessConfig access, boolean simulatorOnly) {
        if (simulatorOnly) {
            LOG.info("access: anyone may call without credentials (the simulator spends nothing)");
        } else if (access.allowAnonymous()) {
            LOG.info("access: open (--allow-anonymous): callers without credentials are served from any address, "
                    + "each within the anonymous plan {}", access.anonymousPlan().limits());
        } else {
            LOG.info("access: protected: callers need a client key or a user token; only this machine's own callers "
                    + "that came through no proxy are served without one");
        }
        if (!access.trustedProxies().isEmpty()) {
            LOG.info("trusted proxies: {}", String.join(", ", access.trustedProxies()));
        }
        access.userTokens().ifPresent(tokens -> LOG.info("user tokens: signed by {} for issuer {}",
                tokens.jwksUrl().map(Object::toString).orElse("a shared HS256 secret"), tokens.issuer()));
        if (access.metricsToken().isPresent()) {
            LOG.info("/metrics needs its bearer token");
        }
    }

    static void announce(Gateway gateway) {
        // The JVM's own clock: the process start time in /proc is only as precise as the boot time (1 s).
        Duration startup = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        GatewayConfig config = gateway.config();
        for (Endpoint endpoint : gateway.endpoints().all()) {
            if (endpoint.provider().equals(SimulatedCompletionProvider.NAME)) {
                LOG.info("no HOLYSHEEP_API_KEY set and no key stored for {}: answering from the built-in simulator "
                        + "(models {})", config.holySheepUrl(), String.join(", ", config.simulator().models()));
            } else {
                LOG.info("endpoint {} streams from {}", endpoint.id(), endpoint.baseUrl());
            }
        }
        LOG.info("keys are stored in {}{}", config.dataDir().toAbsolutePath().normalize(),
                config.masterKey().isPresent() ? ", encrypted" : "");
        if (config.adminToken().isPresent()) {
            LOG.info("admin API enabled under /admin");
        }
        announceAccess(config.access(), ProviderModule.simulatorOnly(gateway.endpoints()));
        LOG.info("Sheepdog ready on http://localhost:{} in {} ms", gateway.port(), startup.toMillis());
    }
}
