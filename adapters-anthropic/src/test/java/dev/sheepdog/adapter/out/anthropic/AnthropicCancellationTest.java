package dev.sheepdog.adapter.out.anthropic;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client that leaves closes the stream, and the Messages API request with it. */
class AnthropicCancellationTest {

    private static final String BEGINNING = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":"
            + "{\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Once\"}}\n\n";

    private final CountDownLatch upstreamNoticed = new CountDownLatch(1);
    private final HttpServer upstream;

    AnthropicCancellationTest() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/v1/messages", exchange -> {
            exchange.getResponseHeaders().add("content-type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(BEGINNING.getBytes(UTF_8));
                body.flush();
                for (int i = 0; i < 500; i++) { // pings until the connection goes away (10 s at most)
                    Thread.sleep(20);
                    body.write("event: ping\ndata: {\"type\": \"ping\"}\n\n".getBytes(UTF_8));
                    body.flush();
                }
            } catch (IOException gone) {
                upstreamNoticed.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.start();
    }

    @AfterEach
    void stopUpstream() {
        upstream.stop(0);
    }

    @Test
    void closingTheStreamClosesTheUpstreamConnection() throws InterruptedException {
        String baseUrl = "http://127.0.0.1:" + upstream.getAddress().getPort();
        CompletionStream stream = AnthropicEndpoints.provider()
                .open(AnthropicEndpoints.at(baseUrl), AnthropicEndpoints.KEY, AnthropicEndpoints.request());
        Optional<CompletionEvent> first = stream.poll(Duration.ofSeconds(10));
        assertThat(first).get().isInstanceOf(CompletionEvent.Chunk.class);

        stream.close();

        assertThat(upstreamNoticed.await(10, TimeUnit.SECONDS)).as("the upstream saw the connection close").isTrue();
    }
}
