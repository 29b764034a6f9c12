package dev.sheepdog.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sheepdog.adapter.out.holysheep.fixtures.RecordedStreams;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each recorded stream, sent by the provider in one burst, reaches the client in HTTP chunks that
 * each hold whole events: a client that splits every network read on line ends, as the seed's own
 * page does, never sees half an event.
 */
class EventsWholeInEveryChunkTest {

    private static final String REQUEST = "{\"model\":\"any\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Xin chào\"}]}";
    private static final AtomicReference<String> SERVING = new AtomicReference<>();

    private static HttpServer upstream;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = RecordedStreams.body(SERVING.get());
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body); // all at once: the gateway finds many events waiting, and batches them
            }
        });
        upstream.start();
        URI base = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
        gateway = RunningGateway.withProvider(base, "sk-recorded-streams", StreamDeadlines.DEFAULT);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.stop(0);
    }

    static List<String> streams() {
        return RecordedStreams.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void everyHttpChunkEndsOnAnEventBoundary(String name) throws Exception {
        SERVING.set(name);

        List<String> chunks = chunksOfOneStream();

        assertThat(chunks).isNotEmpty();
        for (String chunk : chunks) {
            assertThat(chunk).as("an HTTP chunk of %s", name).endsWith("\n\n").doesNotStartWith("\n");
        }
        String whole = String.join("", chunks);
        assertThat(whole).as("the stream ends with [DONE] or an error event")
                .matches("(?s).*(data: \\[DONE]\n\n|event: error\ndata: [^\n]*\n\n)");
    }

    // Chunked transfer encoding read by hand: what one chunk holds is what the gateway wrote at once.
    private static List<String> chunksOfOneStream() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            byte[] body = REQUEST.getBytes(UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(UTF_8));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readLine(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            boolean chunked = false;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                chunked |= line.equalsIgnoreCase("Transfer-Encoding: chunked");
            }
            assertThat(chunked).as("a chunked response").isTrue();
            List<String> chunks = new ArrayList<>();
            for (int size = Integer.parseInt(readLine(in), 16); size > 0; size = Integer.parseInt(readLine(in), 16)) {
                chunks.add(new String(in.readNBytes(size), UTF_8));
                assertThat(readLine(in)).isEmpty();
            }
            return chunks;
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended mid-line: " + line.toString(UTF_8));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(UTF_8);
    }
}
