package dev.sheepdog.upstream.simulated;

import com.sun.net.httpserver.HttpExchange;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.wire.openai.CompletionWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends a non-streaming answer: the simulator's neutral events, gathered until the end, written as one
 * {@code chat.completion} by wire-openai's {@link CompletionWriter} once the whole answer is due.
 */
final class WholeAnswer {

    private static final Duration QUIET = Duration.ofMinutes(1);

    private WholeAnswer() {
    }

    /** Answers the exchange; returns how it ended, for the log line. */
    static String send(HttpExchange exchange, CompletionStream stream, Optional<CompletionEvent> first,
                       CompletionWriter writer) throws IOException, InterruptedException {
        Optional<CompletionEvent> next = first;
        while (true) {
            while (next.isEmpty()) {
                next = stream.poll(QUIET);
            }
            switch (next.get()) {
                case CompletionEvent.Chunk chunk -> writer.add(chunk.deltas());
                case CompletionEvent.UsageReport report -> writer.usage(report.usage());
                case CompletionEvent.End end -> {
                    send(exchange, writer.write());
                    return "done";
                }
                case CompletionEvent.Failed failed when failed.failure().upstreamStatus() > 0 -> {
                    OpenAiError.from(failed.failure()).send(exchange);
                    return "status";
                }
                case CompletionEvent.Failed failed -> throw new ConnectionCut("the server is stopping");
            }
            next = Optional.empty();
        }
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
