package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionStream;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/** Answers a {@code "stream": false} request with the provider's {@code chat.completion} JSON, unchanged. */
final class WholeCompletionWriter {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final ObjectMapper mapper;

    WholeCompletionWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void write(Context ctx, CompletionStream stream) {
        try (stream) {
            read(ctx, stream);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            ErrorResponses.send(ctx, GatewayErrors.SHUTTING_DOWN, mapper);
        }
    }

    private void read(Context ctx, CompletionStream stream) throws InterruptedException {
        String completion = null;
        while (true) {
            Optional<CompletionEvent> next = stream.poll(POLL);
            if (next.isEmpty()) {
                continue;
            }
            switch (next.get()) {
                case Chunk whole -> completion = whole.json().text();
                case Failed failed -> {
                    ErrorResponses.send(ctx, FailureResponses.toApiError(failed.failure()), mapper);
                    return;
                }
                case CompletionEvent.End end -> {
                    if (completion == null) {
                        ErrorResponses.send(ctx, GatewayErrors.NO_COMPLETION, mapper);
                    } else {
                        ctx.status(200).contentType("application/json").result(completion);
                    }
                    return;
                }
                case CompletionEvent.UsageReport usage -> {
                    // already inside the completion's own "usage" field
                }
            }
        }
    }
}
