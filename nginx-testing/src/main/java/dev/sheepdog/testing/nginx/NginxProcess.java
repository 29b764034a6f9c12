package dev.sheepdog.testing.nginx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One nginx master in the foreground ({@code daemon off}) and its worker: started, waited for, and stopped for certain. */
final class NginxProcess {

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Process master;

    private NginxProcess(Process master) {
        this.master = master;
    }

    /** {@code nginx -p <directory> -c <config> -e <error log>}: the error log is ours from the first line on. */
    static NginxProcess start(Path binary, Path directory, Path config, Path errorLog, Path output) {
        List<String> command = List.of(binary.toString(), "-p", directory.toString(), "-c", config.toString(),
                "-e", errorLog.toString());
        try {
            return new NginxProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Connects until one connection succeeds (the master listens before its worker starts); fails if nginx died. */
    void awaitListening(String host, int port, Duration timeout, Supplier<String> log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new IllegalStateException("nginx exited at start-up: " + log.get());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1_000);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("nginx did not listen within " + timeout.toSeconds() + " s: " + log.get());
    }

    /** SIGTERM, nginx's fast shutdown; the master and its worker are killed when that takes too long. */
    synchronized void stop() {
        try {
            if (master.isAlive()) {
                master.destroy();
                if (!master.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    kill();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    // The worker first: once its master is gone it would go on serving, orphaned.
    private void kill() {
        master.descendants().forEach(ProcessHandle::destroyForcibly);
        master.destroyForcibly();
        try {
            master.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for nginx", e);
        }
    }
}
