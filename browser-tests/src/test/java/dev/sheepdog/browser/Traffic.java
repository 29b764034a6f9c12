package dev.sheepdog.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Streams completions from many users at once, as a writing team would, so the gateway has traffic to report. */
final class Traffic {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Traffic() {
    }

    /** Sends {@code requests} streamed completions, each from its own user, and waits for them all to end. */
    static void send(URI origin, int requests, String model) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String body = "{\"model\":\"" + model + "\",\"stream\":true,\"user\":\"writer-" + i + "\","
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"Viết tiêu đề số " + i + "\"}]}";
            calls.add(HTTP.sendAsync(HttpRequest.newBuilder(origin.resolve("/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    }
}
