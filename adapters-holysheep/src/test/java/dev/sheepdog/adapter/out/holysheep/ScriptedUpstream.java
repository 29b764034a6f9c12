package dev.sheepdog.adapter.out.holysheep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A provider that misbehaves on purpose, speaking HTTP/1.1 by hand over a socket: it can stall,
 * hang, cut a stream midway or stream forever, which WireMock cannot. It records when the client
 * left in the middle of a stream.
 */
final class ScriptedUpstream implements AutoCloseable {

    /** What the provider does with one request. */
    @FunctionalInterface
    interface Script {
        void play(Response response) throws IOException, InterruptedException;
    }

    /** The response being written: headers, then chunked-encoded pieces, each flushed at once. */
    static final class Response {
        private static final long CUT_AFTER_MILLIS = 50;

        private final Socket socket;
        private final OutputStream out;

        private Response(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        Response streamHeaders() throws IOException {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return this;
        }

        /** The head of a non-streaming answer, whose JSON body follows in chunked pieces. */
        Response jsonHeaders() throws IOException {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return this;
        }

        Response write(String text) throws IOException {
            return write(text.getBytes(StandardCharsets.UTF_8));
        }

        Response write(byte[] bytes) throws IOException {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return this;
        }

        /** Bytes as they are, outside the chunked framing: e.g. half a chunk-size line. */
        Response writeUnframed(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return this;
        }

        Response chunk(String content) throws IOException {
            return write("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
                    + "\"},\"finish_reason\":null}]}\n\n");
        }

        Response finish() throws IOException {
            return write("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        }

        /** Ends the body properly, with the terminating zero-length chunk. */
        void end() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /**
         * Drops the connection without ending the body, as a crashed provider does. What was written
         * before gets a moment to be read first: the JDK's HTTP client can lose bytes that arrive in
         * the same read as the end of the connection, which is not what a cut test is about.
         */
        void cut() throws IOException, InterruptedException {
            out.flush();
            Thread.sleep(CUT_AFTER_MILLIS);
            socket.close();
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final CompletableFuture<Long> clientLeftAtNanos = new CompletableFuture<>();
    private final CompletableFuture<String> firstRequest = new CompletableFuture<>();

    ScriptedUpstream(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1");
    }

    /** Completes with the moment a write failed because the client had closed the connection. */
    CompletableFuture<Long> clientLeft() {
        return clientLeftAtNanos;
    }

    /** The head and body of the first request received. */
    CompletableFuture<String> firstRequest() {
        return firstRequest;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            firstRequest.complete(readRequest(socket.getInputStream()));
            script.play(new Response(socket));
        } catch (IOException clientLeft) {
            clientLeftAtNanos.complete(System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended early");
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
