package dev.sheepdog.upstream.simulated;

import com.sun.net.httpserver.HttpExchange;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.wire.openai.ChunkWriter;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends a streamed answer as OpenAI's event stream, each of the simulator's neutral chunks written
 * as an OpenAI chunk by wire-openai's {@link ChunkWriter} when the simulator says it is due, and renders the simulator's in-stream faults on the wire: a cut connection, a malformed line, an
 * {@code error} event, silence, keep-alive comments.
 */
final class StreamingAnswer {

    private static final Duration QUIET = Duration.ofMinutes(1);

    private final CompletionStream stream;
    private final ChunkWriter chunks;
    private final boolean includeUsage;
    private final Optional<Duration> keepAlive;
    private int tokens;

    StreamingAnswer(CompletionStream stream, ChunkWriter chunks, boolean includeUsage, Optional<Duration> keepAlive) {
        this.stream = stream;
        this.chunks = chunks;
        this.includeUsage = includeUsage;
        this.keepAlive = keepAlive;
    }

    /**
     * Streams from {@code first} on (empty: nothing was due yet); returns how it ended, for the log
     * line. A stall without keep-alive writes nothing, so it lasts until the server stops: the JDK
     * server notices a client that left only when writing to it.
     */
    String send(HttpExchange exchange, Optional<CompletionEvent> first) throws IOException, InterruptedException {
        EventStreamWriter sse = EventStreamWriter.open(exchange);
        Duration wait = keepAlive.orElse(QUIET);
        Optional<CompletionEvent> next = first.isPresent() ? first : stream.poll(wait);
        while (true) {
            if (next.isEmpty()) {
                if (keepAlive.isPresent()) {
                    sse.keepAlive();
                }
            } else {
                String ending = write(sse, next.get());
                if (ending != null) {
                    return ending;
                }
            }
            next = stream.poll(wait);
        }
    }

    private String write(EventStreamWriter sse, CompletionEvent event) throws IOException {
        switch (event) {
            case Chunk chunk -> {
                Optional<String> json = chunks.chunk(chunk.deltas());
                if (json.isPresent()) {
                    sse.data(json.get());
                }
                if (chunk.written()) {
                    tokens++;
                }
                return null;
            }
            case UsageReport usage -> {
                if (includeUsage) {
                    sse.data(chunks.usage(usage.usage()));
                }
                return null;
            }
            case End end -> {
                sse.done();
                sse.close();
                return "done";
            }
            case Failed failed -> {
                return fail(sse, failed);
            }
        }
    }

    private String fail(EventStreamWriter sse, Failed failed) throws IOException {
        String ending = switch (failed.failure().kind()) {
            case STREAM_TRUNCATED -> throw new ConnectionCut("cut after " + tokens + " tokens");
            case CANCELLED -> throw new ConnectionCut("the server is stopping");
            case MALFORMED_STREAM -> {
                sse.malformed();
                yield "malformed";
            }
            default -> {
                sse.error(OpenAiError.from(failed.failure()).toJson());
                yield "error-event";
            }
        };
        sse.close();
        return ending;
    }
}
