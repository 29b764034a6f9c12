package dev.sheepdog.adapter.in.http;

import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.Graceful;

/**
 * The gateway's listening socket, which stays open while a stop drains the requests still running.
 * Jetty's own connector stops accepting as soon as a stop begins: probes would then find the port
 * closed, and a liveness probe would call a draining instance dead. Kept open, it lets
 * {@code /healthz} answer 200 and {@code /readyz} 503 until the last stream has ended, while every
 * other new request gets Jetty's 503 from the request draining.
 */
final class DrainingConnector extends ServerConnector {

    private final Graceful requests;

    /** @param requests the drain of the requests in flight, after which the connector stops accepting */
    DrainingConnector(Server server, ConnectionFactory connections, Graceful requests) {
        super(server, connections);
        this.requests = requests;
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        // However the drain ends; if it never does, the server stops this connector at its stop timeout anyway.
        return requests.shutdown().handle((drained, failed) -> null).thenCompose(ignored -> super.shutdown());
    }
}
