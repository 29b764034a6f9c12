package dev.sheepdog.app;

import dev.sheepdog.adapter.in.http.JavalinHttpServer;
import dev.sheepdog.domain.model.Endpoints;
import dev.sheepdog.domain.model.health.Readiness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Sheepdog: the HTTP API in front of the wired domain, and its scheduled chores. */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    /** Work done on a schedule, e.g. retiring keys or judging the canary. */
    record Chore(String name, Runnable work, Duration every) {
    }

    private final GatewayConfig config;
    private final Endpoints endpoints;
    private final JavalinHttpServer http;
    private final Runnable warmUp;
    private final List<Chore> chores;
    private final List<AutoCloseable> stores;
    private final Readiness readiness;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sheepdog-chores").factory());

    /**
     * @param warmUp    work the first request would otherwise wait for, done in the background after start
     * @param stores    closed, in order, once the HTTP server has stopped
     * @param readiness what {@code /readyz} reports: marked ready once started and warmed up
     */
    Gateway(GatewayConfig config, Endpoints endpoints, JavalinHttpServer http, Runnable warmUp, List<Chore> chores,
            List<AutoCloseable> stores, Readiness readiness) {
        this.config = config;
        this.endpoints = endpoints;
        this.http = http;
        this.warmUp = warmUp;
        this.chores = List.copyOf(chores);
        this.stores = List.copyOf(stores);
        this.readiness = readiness;
    }

    /**
     * Listens, schedules the chores, and warms up in the background; {@code /readyz} answers 503 until the
     * warm-up has ended, so an orchestrator sends traffic only to an instance that has nothing left to prepare.
     */
    public Gateway start() {
        http.start();
        for (Chore chore : chores) {
            long every = chore.every().toMillis();
            scheduler.scheduleWithFixedDelay(() -> run(chore), every, every, TimeUnit.MILLISECONDS);
        }
        Thread.ofVirtual().name("sheepdog-warm-up").start(this::warmUpThenTakeTraffic);
        return this;
    }

    // A failed warm-up costs the first requests some time, no more: they do the work themselves.
    private void warmUpThenTakeTraffic() {
        try {
            warmUp.run();
        } catch (RuntimeException e) {
            LOG.warn("the warm-up failed ({}); the first requests will wait for what it did not prepare",
                    e.getMessage());
        }
        readiness.ready();
    }

    public int port() {
        return http.port();
    }

    public GatewayConfig config() {
        return config;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** Stops taking requests ({@code /readyz} answers 503 at once); open streams get the configured grace period to finish. */
    @Override
    public void close() {
        http.close();
        scheduler.shutdownNow();
        for (AutoCloseable store : stores) {
            try {
                store.close();
            } catch (Exception e) {
                LOG.error("could not close {}: {}", store, e.getMessage());
            }
        }
    }

    // A chore that fails is logged and tried again on schedule; it never stops the others.
    private static void run(Chore chore) {
        try {
            chore.work().run();
        } catch (RuntimeException e) {
            LOG.error("the {} failed: {}", chore.name(), e.getMessage(), e);
        }
    }
}
