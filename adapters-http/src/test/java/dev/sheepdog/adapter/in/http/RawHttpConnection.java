package dev.sheepdog.adapter.in.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * HTTP/1.1 over a plain socket, for what {@code HttpClient} hides: sending a chunked body whose
 * framing the test controls, and leaving in the middle of a response.
 */
final class RawHttpConnection implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 5000;

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private RawHttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    static RawHttpConnection open(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return new RawHttpConnection(socket);
    }

    /** Sends a POST of the completion route: the header lines given, then the body bytes as they are. */
    void post(String headerLines, byte[] body) throws IOException {
        String head = "POST " + CompletionRoutes.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\n" + headerLines + "\r\n";
        socket.getOutputStream().write(head.getBytes(UTF_8));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
    }

    /** Sends bytes as they are: a request line, headers and body that no HTTP client would send. */
    void send(String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(UTF_8));
        socket.getOutputStream().flush();
    }

    /** Sends these bytes as they are, e.g. several requests at once. */
    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** Reads until {@code text} has arrived, and returns everything read so far. */
    String readUntil(String text) throws IOException {
        byte[] buffer = new byte[1024];
        while (!received.toString(UTF_8).contains(text)) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the server closed the connection before sending " + text + ": " + received);
            }
            received.write(buffer, 0, n);
        }
        return received.toString(UTF_8);
    }

    /** Reads until the server closes the connection, and returns everything it sent. */
    String readToEnd() throws IOException {
        try {
            received.write(in.readAllBytes());
        } catch (SocketTimeoutException e) {
            throw new IOException("the server did not close the connection; received so far: " + received, e);
        }
        return received.toString(UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
