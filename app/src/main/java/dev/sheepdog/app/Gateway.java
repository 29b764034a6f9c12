package dev.sheepdog.app;

import dev.sheepdog.adapter.in.http.JavalinHttpServer;

/** A running Sheepdog: the HTTP API in front of the wired domain. */
public final class Gateway implements AutoCloseable {

    private final GatewayConfig config;
    private final JavalinHttpServer http;

    Gateway(GatewayConfig config, JavalinHttpServer http) {
        this.config = config;
        this.http = http;
    }

    public Gateway start() {
        http.start();
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
