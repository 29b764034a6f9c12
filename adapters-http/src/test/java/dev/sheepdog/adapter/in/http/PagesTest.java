package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(20)
class PagesTest {

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void servesTheWritingAssistantAtTheRootUnderItsContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(type(page)).isEqualTo("text/html;charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self'").contains("object-src 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).isEqualTo(get("/index.html", null).body()).contains("<html");
    }

    @Test
    void servesTheStatusPageScriptsAndStylesWithTheirTypes() throws Exception {
        assertThat(get("/status", null).body()).isEqualTo(get("/status.html", null).body());
        assertThat(type(get("/js/sse.js", null))).isEqualTo("text/javascript;charset=utf-8");
        assertThat(type(get("/css/base.css", null))).isEqualTo("text/css;charset=utf-8");
        assertThat(type(get("/favicon.svg", null))).isEqualTo("image/svg+xml");
    }

    @Test
    void aBrowserThatHasTheFileAlreadyGetsNotModified() throws Exception {
        HttpResponse<String> first = get("/js/sse.js", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/js/sse.js", etag);

        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void anUnknownFileIsAnUnknownRoute() throws Exception {
        for (String path : new String[] {"/js/nope.js", "/css/.hidden", "/js/..%2Fstatus.html",
                "/js/..%2F..%2Fdev%2Fsheepdog%2Fadapter%2Fin%2Fhttp%2FPages.class", "/secret.txt"}) {
            HttpResponse<String> response = get(path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("unknown_route");
        }
    }

    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
