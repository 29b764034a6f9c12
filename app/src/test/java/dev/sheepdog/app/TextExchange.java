package dev.sheepdog.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A request to a gateway and its whole answer as text, without the checked exceptions of {@code java.net.http}. */
final class TextExchange {

    private TextExchange() {
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call of the admin API at {@code root} with this admin token; {@code body} is JSON, or null for none. */
    static HttpRequest.Builder admin(URI root, String adminToken, String method, String path, String body) {
        return HttpRequest.newBuilder(root.resolve(path)).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
    }
}
