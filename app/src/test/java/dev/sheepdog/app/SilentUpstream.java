package dev.sheepdog.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A provider that takes a request and never answers it, as a provider busy with a long generation
 * does, and records when the gateway closed the connection: what the provider sees of a cancel.
 */
final class SilentUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final CompletableFuture<Long> requestReceivedAt = new CompletableFuture<>();
    private final CompletableFuture<Long> closedAt = new CompletableFuture<>();

    SilentUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serveOne);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1");
    }

    /** Completes, with {@link System#nanoTime()}, once a whole request has arrived. */
    CompletableFuture<Long> requestReceived() {
        return requestReceivedAt;
    }

    /** Completes, with {@link System#nanoTime()}, when the gateway closed the connection. */
    CompletableFuture<Long> closed() {
        return closedAt;
    }

    private void serveOne() {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            readRequest(in);
            requestReceivedAt.complete(System.nanoTime());
            while (in.read() >= 0) {
                // nothing more is expected from the gateway; only its leaving
            }
        } catch (IOException closedOrReset) {
            // a reset is a close too
        }
        closedAt.complete(System.nanoTime());
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended early");
            }
            head.write(b);
        }
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring("content-length:".length()).strip()));
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
