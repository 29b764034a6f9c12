package dev.sheepdog.app;

import dev.sheepdog.adapter.in.http.JavalinHttpServer;
import dev.sheepdog.domain.model.Endpoints;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A running Sheepdog: the HTTP API in front of the wired domain, and its housekeeping. */
public final class Gateway implements AutoCloseable {

    private static final long SWEEP_SECONDS = 5;

    private final GatewayConfig config;
    private final Endpoints endpoints;
    private final JavalinHttpServer http;
    private final Runnable warmUp;
    private final Runnable sweep;
    private final AutoCloseable keyStore;
    private final ScheduledExecutorService housekeeping =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sheepdog-housekeeping").factory());

    /**
     * @param warmUp work the first request would otherwise wait for, done in the background after start
     * @param sweep  periodic housekeeping: retiring keys whose time has come
     */
    Gateway(GatewayConfig config, Endpoints endpoints, JavalinHttpServer http, Runnable warmUp, Runnable sweep,
            AutoCloseable keyStore) {
        this.config = config;
        this.endpoints = endpoints;
        this.http = http;
        this.warmUp = warmUp;
        this.sweep = sweep;
        this.keyStore = keyStore;
    }

    public Gateway start() {
        http.start();
        Thread.ofVirtual().name("sheepdog-warm-up").start(warmUp);
        housekeeping.scheduleWithFixedDelay(sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        return this;
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

    /** Stops taking requests; open streams get the configured grace period to finish. */
    @Override
    public void close() {
        http.close();
        housekeeping.shutdownNow();
        try {
            keyStore.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not release the key store", e);
        }
    }
}
