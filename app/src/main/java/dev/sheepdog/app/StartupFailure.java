package dev.sheepdog.app;

import dev.sheepdog.adapter.in.http.HttpSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Why {@code serve} could not start, in one line an operator can act on. */
final class StartupFailure {

    private StartupFailure() {
    }

    /**
     * Refuses a port that is taken before anything else starts: Jetty would log its own stack trace
     * first. Port 0 (any free port) is never taken.
     */
    static void requirePortFree(HttpSettings http) {
        if (http.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty binds: a port in TIME_WAIT is free for it
            probe.bind(new InetSocketAddress(http.host(), http.port()));
        } catch (BindException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            // anything else is for the real bind to report
        }
    }

    /** One line: the port and its flag when it could not be bound, else the failure's own message. */
    static String describe(RuntimeException failure, HttpSettings http) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return "port " + http.port() + " on " + http.host() + " is already in use or may not be bound ("
                        + cause.getMessage() + "): stop what uses it, or choose another port with --port or "
                        + "SHEEPDOG_PORT";
            }
        }
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        // A library's message may span lines (a YAML excerpt, a caret): the log keeps one line per event.
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
