package dev.sheepdog.testing.nginx;

import java.util.ArrayList;
import java.util.List;

/**
 * The machine's nginx, handed to tests by {@link NginxExtension}: starts reverse proxies in front of gateways
 * the test has started, and stops those still running when the run ends.
 */
public final class Nginx implements AutoCloseable {

    private final NginxInstallation installation;
    private final List<NginxProxy> started = new ArrayList<>();

    Nginx(NginxInstallation installation) {
        this.installation = installation;
    }

    /** A new nginx on a free loopback port that passes requests to these loopback ports in turn; the caller closes it. */
    public synchronized NginxProxy inFrontOf(int... upstreamPorts) {
        List<Integer> ports = new ArrayList<>();
        for (int port : upstreamPorts) {
            ports.add(port);
        }
        NginxProxy proxy = NginxProxy.start(installation, ports);
        started.add(proxy);
        return proxy;
    }

    @Override
    public synchronized void close() {
        started.forEach(NginxProxy::close);
        started.clear();
    }
}
