package dev.sheepdog.testing.nginx;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration the tests run nginx with: a streaming reverse proxy, as in front of a fleet of gateways.
 * One worker, so that round robin alternates exactly over the upstreams in the order given; every path nginx
 * writes to is inside {@code directory}.
 *
 * @param directory     nginx's prefix: configuration, pid file, logs and temporary files
 * @param listenPort    the port it listens on, on 127.0.0.1
 * @param upstreamPorts the gateways' ports on 127.0.0.1, tried in turn (round robin)
 */
record NginxConfig(Path directory, int listenPort, List<Integer> upstreamPorts) {

    static final String ACCESS_LOG = "access.log";
    static final String ERROR_LOG = "error.log";

    NginxConfig {
        upstreamPorts = List.copyOf(upstreamPorts);
        if (upstreamPorts.isEmpty()) {
            throw new IllegalArgumentException("nginx needs at least one upstream");
        }
    }

    String render() {
        String servers = upstreamPorts.stream().map(port -> "    server 127.0.0.1:" + port + ";")
                .collect(Collectors.joining("\n"));
        String dir = directory.toString();
        return WorkerUser.directive() + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/%2$s warn;
                events { worker_connections 4096; }
                http {
                  # Which gateway answered each request, for the tests to see the load spread.
                  log_format upstreams '$status $upstream_addr $request_method $uri';
                  access_log %1$s/%3$s upstreams;
                  client_body_temp_path %1$s/tmp/body;
                  proxy_temp_path %1$s/tmp/proxy;
                  fastcgi_temp_path %1$s/tmp/fastcgi;
                  uwsgi_temp_path %1$s/tmp/uwsgi;
                  scgi_temp_path %1$s/tmp/scgi;
                  upstream gateways {
                %4$s
                    keepalive 64;
                    # Shorter than the gateways' idle timeout: nginx never reuses a connection a gateway is closing.
                    keepalive_timeout 10s;
                  }
                  server {
                    listen 127.0.0.1:%5$d;
                    location / {
                      proxy_pass http://gateways;
                      # Keep-alive to the gateways, and each event passed on as it comes, for as long as a stream lasts.
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_buffering off;
                      proxy_request_buffering off;
                      proxy_read_timeout 1h;
                      proxy_send_timeout 1h;
                    }
                  }
                }
                """.formatted(dir, ERROR_LOG, ACCESS_LOG, servers, listenPort);
    }
}
