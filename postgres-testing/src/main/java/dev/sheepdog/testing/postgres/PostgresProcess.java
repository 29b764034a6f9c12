package dev.sheepdog.testing.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One running postmaster and what it forked: started, signalled, waited for, and killed for certain. */
final class PostgresProcess {

    static final Duration STOP_WAIT = Duration.ofSeconds(30);

    /** A login attempt; throws until the server takes logins. */
    @FunctionalInterface
    interface Login {
        void attempt() throws SQLException;
    }

    private final Process postmaster;
    private final Path log;

    private PostgresProcess(Process postmaster, Path log) {
        this.postmaster = postmaster;
        this.log = log;
    }

    static PostgresProcess start(List<String> command, Path log) {
        try {
            return new PostgresProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to its end, which must be a success within {@code timeout}. */
    static void run(List<String> command, Path log, Duration timeout) {
        PostgresProcess process = start(command, log);
        try {
            if (!process.postmaster.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    || process.postmaster.exitValue() != 0) {
                throw new IllegalStateException(command.getFirst() + " failed: " + process.logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            process.kill();
        }
    }

    boolean alive() {
        return postmaster.isAlive();
    }

    /** Waits until a login succeeds; fails at once when the server died, or at the deadline. */
    void awaitLogins(Login login, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException("PostgreSQL exited at start-up: " + logTail());
            }
            try {
                login.attempt();
                return;
            } catch (SQLException e) {
                last = e;
                pause();
            }
        }
        kill();
        throw new IllegalStateException("PostgreSQL took no login within " + timeout.toSeconds() + " s ("
                + (last == null ? "" : last.getMessage()) + "): " + logTail());
    }

    /** SIGINT, PostgreSQL's fast shutdown: sessions are ended, the data is checkpointed; SIGKILL after {@code wait}. */
    void stopFast(Duration wait) {
        if (!alive()) {
            return;
        }
        signal(postmaster.pid(), "INT");
        try {
            if (!postmaster.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** Sends a signal to the postmaster and every process it forked. */
    void signalAll(String signal) {
        // The postmaster first, its children listed only after: a stopped postmaster forks no backend that a
        // list taken earlier would miss (one that would go on answering a "frozen" server's clients).
        signal(postmaster.pid(), signal);
        postmaster.descendants().forEach(process -> signal(process.pid(), signal));
    }

    /** SIGKILL to every process, children first so that none outlives the postmaster; waits for the postmaster. */
    void kill() {
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        try {
            postmaster.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + signal + " to " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
