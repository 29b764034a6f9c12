package dev.sheepdog.upstream.simulated;

import com.sun.net.httpserver.HttpExchange;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Sends a non-streaming answer: one {@code chat.completion} JSON once the whole answer is due. */
final class WholeAnswer {

    private static final Duration QUIET = Duration.ofMinutes(1);

    private WholeAnswer() {
    }

    /** Answers the exchange; returns how it ended, for the log line. */
    static String send(HttpExchange exchange, CompletionStream stream, Optional<CompletionEvent> first)
            throws IOException, InterruptedException {
        Optional<CompletionEvent> next = first;
        while (next.isEmpty()) {
            next = stream.poll(QUIET);
        }
        switch (next.get()) {
            case CompletionEvent.Chunk chunk -> {
                byte[] body = chunk.json().text().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return "done";
            }
            case CompletionEvent.Failed failed when failed.failure().upstreamStatus() > 0 -> {
                OpenAiError.from(failed.failure()).send(exchange);
                return "status";
            }
            default -> throw new ConnectionCut("the server is stopping");
        }
    }
}
