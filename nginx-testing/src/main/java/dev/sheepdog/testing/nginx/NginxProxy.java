package dev.sheepdog.testing.nginx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running nginx in front of gateways on loopback, in a temporary directory of its own. Closing it stops
 * nginx (a fast shutdown, then a kill) and deletes the directory.
 */
public final class NginxProxy implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration START_WAIT = Duration.ofSeconds(30);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final NginxConfig config;
    private final Process master;
    private final Thread killOnExit;

    private NginxProxy(NginxConfig config, Process master) {
        this.config = config;
        this.master = master;
        this.killOnExit = new Thread(this::stop, "nginx-test-killer");
    }

    static NginxProxy start(NginxInstallation installation, List<Integer> upstreamPorts) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("sheepdog-nginx-");
            WorkerUser.handOver(directory);
            Files.createDirectories(directory.resolve("tmp"));
            NginxConfig config = new NginxConfig(directory, freePort(), upstreamPorts);
            Path file = directory.resolve("nginx.conf");
            Files.writeString(file, config.render());
            Process master = new ProcessBuilder(installation.binary().toString(), "-p", directory.toString(),
                    "-c", file.toString(), "-e", directory.resolve(NginxConfig.ERROR_LOG).toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("nginx.out").toFile()))
                    .start();
            NginxProxy proxy = new NginxProxy(config, master);
            Runtime.getRuntime().addShutdownHook(proxy.killOnExit);
            proxy.awaitListening();
            return proxy;
        } catch (IOException e) {
            if (directory != null) {
                TemporaryDirectory.delete(directory);
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
     * after its last byte went out, so a client may have read the answer a moment before. At most 10 s.
     */
    public List<ProxiedRequest> requests(int count) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<ProxiedRequest> requests = requests();
        while (requests.size() < count && System.nanoTime() < giveUp) {
            pause();
            requests = requests();
        }
        if (requests.size() < count) {
            throw new IllegalStateException("nginx logged " + requests.size() + " requests, not " + count);
        }
        return requests.subList(0, count);
    }

    /** nginx's error log, for a failing test's message. */
    public String errorLog() {
        try {
            return Files.readString(config.directory().resolve(NginxConfig.ERROR_LOG), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no error log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, and finds nothing left to do
        }
    }

    /** SIGTERM is nginx's fast shutdown; its workers are killed too when it does not end in time. */
    private synchronized void stop() {
        try {
            if (master.isAlive()) {
                master.destroy();
                if (!master.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    master.descendants().forEach(ProcessHandle::destroyForcibly);
                    master.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            master.descendants().forEach(ProcessHandle::destroyForcibly);
            master.destroyForcibly();
        } finally {
            TemporaryDirectory.delete(config.directory());
        }
    }

    /** nginx takes connections once its master listens: connects until one succeeds, or nginx died. */
    private void awaitListening() {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                String log = errorLog() + output();
                stop();
                throw new IllegalStateException("nginx exited at start-up: " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port()), 1_000);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        String log = errorLog();
        stop();
        throw new IllegalStateException("nginx did not listen within " + START_WAIT.toSeconds() + " s: " + log);
    }

    private String output() {
        try {
            return Files.readString(config.directory().resolve("nginx.out"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for nginx", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
