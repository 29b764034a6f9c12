package dev.sheepdog.testing.nginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NginxExtension.class)
@Timeout(60)
class NginxProxyTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final CountDownLatch firstEventSeen = new CountDownLatch(1);
    private final HttpServer a = upstream("a");
    private final HttpServer b = upstream("b");

    NginxProxyTest() throws IOException {
    }

    @AfterEach
    void stopUpstreams() {
        a.stop(0);
        b.stop(0);
    }

    @Test
    void takesTurnsOverTheUpstreamsAndLogsWhichOneAnsweredEachRequest(Nginx nginx) throws Exception {
        try (NginxProxy proxy = nginx.inFrontOf(port(a), port(b))) {
            List<String> answers = List.of(get(proxy, "/name"), get(proxy, "/name"), get(proxy, "/name"),
                    get(proxy, "/name"));

            assertThat(answers).containsExactly("a", "b", "a", "b");
            assertThat(proxy.requests()).extracting(ProxiedRequest::answeredBy)
                    .containsExactly(port(a), port(b), port(a), port(b));
            assertThat(proxy.requests()).allSatisfy(request -> {
                assertThat(request.status()).isEqualTo(200);
                assertThat(request.method()).isEqualTo("GET");
                assertThat(request.path()).isEqualTo("/name");
            });
        }
    }

    @Test
    void passesEachEventOnAsItComesInsteadOfBufferingTheStream(Nginx nginx) throws Exception {
        try (NginxProxy proxy = nginx.inFrontOf(port(a))) {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(proxy.url().resolve("/stream"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                // The upstream sends its second event only once the client has seen the first through nginx.
                String first = new String(body.readNBytes("data: 1\n\n".length()), StandardCharsets.UTF_8);
                assertThat(first).isEqualTo("data: 1\n\n");
                firstEventSeen.countDown();
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: [DONE]\n\n");
            }
        }
    }

    @Test
    void closingStopsNginxAndDeletesItsDirectory(Nginx nginx) {
        NginxProxy proxy = nginx.inFrontOf(port(a));
        int port = proxy.port();

        proxy.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThat(proxy.directory()).doesNotExist();
    }

    private String get(NginxProxy proxy, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(proxy.url().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int port(HttpServer server) {
        return server.getAddress().getPort();
    }

    private HttpServer upstream(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/name", exchange -> {
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/stream", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("data: 1\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!firstEventSeen.await(10, TimeUnit.SECONDS)) {
                    return; // buffered: the client never saw it, and the test fails on what it reads
                }
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return server;
    }
}
