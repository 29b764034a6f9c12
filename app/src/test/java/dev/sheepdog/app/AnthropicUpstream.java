package dev.sheepdog.app;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A scripted Anthropic Messages API on loopback: {@code POST /v1/messages} answers with the body it is
 * given (a recorded stream, whole or in random 1-9 byte pieces), {@code GET /v1/models} lists one model,
 * and a request without the expected {@code x-api-key} or {@code anthropic-version} is refused as the
 * real API refuses it.
 */
final class AnthropicUpstream implements AutoCloseable {

    static final String KEY = "sk-ant-api03-scripted-upstream-key";
    private static final String UNAUTHORIZED =
            "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}";

    private final HttpServer server;
    private final AtomicReference<byte[]> answer = new AtomicReference<>(new byte[0]);
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<String> lastRequest = new AtomicReference<>();
    private final AtomicInteger messages = new AtomicInteger();
    private volatile boolean inPieces;

    AnthropicUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/messages", this::messages);
        server.createContext("/v1/models", exchange -> {
            if (authorized(exchange)) {
                send(exchange, 200, "application/json", ("{\"data\":[{\"type\":\"model\",\"id\":\"claude-haiku-4-5\","
                        + "\"display_name\":\"Claude Haiku 4.5\"}],\"has_more\":false}").getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Answers every message request with this recorded stream, whole or in random pieces of 1 to 9 bytes. */
    void serve(byte[] stream, boolean pieces) {
        answer.set(stream);
        inPieces = pieces;
        status.set(200);
    }

    /** Answers every message request with this status and Anthropic error body. */
    void fail(int httpStatus, String errorBody) {
        answer.set(errorBody.getBytes(StandardCharsets.UTF_8));
        status.set(httpStatus);
    }

    /** The body of the last {@code POST /v1/messages}, as the gateway sent it. */
    String lastRequest() {
        return lastRequest.get();
    }

    int messageRequests() {
        return messages.get();
    }

    private void messages(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            lastRequest.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        messages.incrementAndGet();
        if (!authorized(exchange)) {
            return;
        }
        int code = status.get();
        if (code != 200) {
            send(exchange, code, "application/json", answer.get());
            return;
        }
        byte[] body = answer.get();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            Random random = new Random(body.length);
            for (int at = 0; at < body.length; ) {
                int piece = inPieces ? Math.min(body.length - at, 1 + random.nextInt(9)) : body.length;
                out.write(body, at, piece);
                out.flush();
                at += piece;
            }
        }
    }

    private static boolean authorized(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        if (KEY.equals(headers.getFirst("x-api-key")) && headers.getFirst("anthropic-version") != null
                && headers.getFirst("Authorization") == null) {
            return true;
        }
        send(exchange, 401, "application/json", UNAUTHORIZED.getBytes(StandardCharsets.UTF_8));
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
