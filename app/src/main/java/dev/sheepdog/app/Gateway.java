package dev.sheepdog.app;

import dev.sheepdog.adapter.in.http.JavalinHttpServer;

/** A running Sheepdog: the HTTP API in front of the wired domain. */
public final class Gateway implements AutoCloseable {

    private final GatewayConfig config;
    private final JavalinHttpServer http;
    private final Runnable warmUp;

    /** @param warmUp work the first request would otherwise wait for, done in the background after start */
    Gateway(GatewayConfig config, JavalinHttpServer http, Runnable warmUp) {
        this.config = config;
        this.http = http;
        this.warmUp = warmUp;
    }

    public Gateway start() {
        http.start();
        Thread.ofVirtual().name("sheepdog-warm-up").start(warmUp);
        return this;
    }

    public int port() {
        return http.port();
    }

    public GatewayConfig config() {
        return config;
    }

    /** Stops taking requests; open streams get the configured grace period to finish. */
    @Override
    public void close() {
        http.close();
    }
}
