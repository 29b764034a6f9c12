package dev.sheepdog.testing.nginx;

import dev.sheepdog.testing.parts.TemporaryDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One running nginx in front of gateways on loopback, in a temporary directory of its own. Closing it stops
 * nginx (a fast shutdown, then a kill) and deletes the directory.
 */
public final class NginxProxy implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration START_WAIT = Duration.ofSeconds(30);
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private final NginxConfig config;
    private final NginxProcess process;
    private final Thread killOnExit;

    private NginxProxy(NginxConfig config, NginxProcess process) {
        this.config = config;
        this.process = process;
        this.killOnExit = new Thread(this::stop, "nginx-test-killer");
    }

    static NginxProxy start(NginxInstallation installation, List<Integer> upstreamPorts) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("sheepdog-nginx-");
            WorkerUser.handOver(directory);
            Files.createDirectories(directory.resolve("tmp"));
            NginxConfig config = new NginxConfig(directory, freePort(), upstreamPorts);
            Path file = Files.writeString(directory.resolve("nginx.conf"), config.render());
            NginxProxy proxy = new NginxProxy(config, NginxProcess.start(installation.binary(), directory, file,
                    directory.resolve(NginxConfig.ERROR_LOG), directory.resolve("nginx.out")));
            Runtime.getRuntime().addShutdownHook(proxy.killOnExit);
            try {
                proxy.process.awaitListening(HOST, proxy.port(), START_WAIT, proxy::errorLog);
            } catch (RuntimeException e) {
                proxy.close();
                throw e;
            }
            return proxy;
        } catch (IOException e) {
            if (directory != null) {
                TemporaryDirectory.delete(directory, "nginx test directory");
            }
            throw new UncheckedIOException("cannot start nginx", e);
        }
    }

    public int port() {
        return config.listenPort();
    }

    /** {@code http://127.0.0.1:<port>}, where clients send their requests. */
    public URI url() {
        return URI.create("http://" + HOST + ":" + port());
    }

    /** The gateways' ports, in the order nginx takes turns over them. */
    public List<Integer> upstreamPorts() {
        return config.upstreamPorts();
    }

    /** Every request nginx has finished, in the order it finished them, with the gateway that answered it. */
    public List<ProxiedRequest> requests() {
        try {
            return Files.readAllLines(config.directory().resolve(NginxConfig.ACCESS_LOG), StandardCharsets.UTF_8)
                    .stream().filter(line -> !line.isBlank()).map(ProxiedRequest::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nginx's access log", e);
        }
    }

    /**
     * The first {@code count} requests nginx finished, once it has logged that many: it logs a request just
     * after its last byte went out, so a client may have read the answer a moment before. 10 s at most.
     */
    public List<ProxiedRequest> requests(int count) {
        long giveUp = System.nanoTime() + LOG_WAIT.toNanos();
        List<ProxiedRequest> requests = requests();
        while (requests.size() < count && System.nanoTime() < giveUp) {
            NginxProcess.pause();
            requests = requests();
        }
        if (requests.size() < count) {
            throw new IllegalStateException("nginx logged " + requests.size() + " requests, not " + count);
        }
        return requests.subList(0, count);
    }

    /** Where its configuration, logs and temporary files are, while it runs. */
    Path directory() {
        return config.directory();
    }

    /** nginx's error log, and what it printed, for a failing test's message. */
    public String errorLog() {
        return read(NginxConfig.ERROR_LOG) + read("nginx.out");
    }

    /** Stops nginx and deletes its directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, and finds nothing left to do
        }
    }

    private void stop() {
        try {
            process.stop();
        } finally {
            TemporaryDirectory.delete(config.directory(), "nginx test directory");
        }
    }

    private String read(String file) {
        try {
            return Files.readString(config.directory().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
