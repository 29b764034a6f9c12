package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionStream;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Answers a {@code "stream": false} request with the provider's {@code chat.completion} JSON, unchanged.
 * Nothing is written until the answer is complete, so a client that leaves meanwhile is noticed
 * from its connection, and the provider's request is cancelled at once.
 */
final class WholeCompletionWriter {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final ObjectMapper mapper;
    private final BooleanSupplier stopping;

    /** @param stopping true once the gateway's grace period is over and open requests must end */
    WholeCompletionWriter(ObjectMapper mapper, BooleanSupplier stopping) {
        this.mapper = mapper;
        this.stopping = stopping;
    }

    void write(Context ctx, CompletionStream stream) {
        ClientDeparture departure = ClientDeparture.watch(ctx);
        try (stream) {
            read(ctx, new StreamWait(stream, departure, stopping));
        } catch (StreamWait.ClientLeft clientLeft) {
            // Leaving the try closed the stream, which cancels the provider's request.
            ctx.attribute(SseStreamWriter.CLIENT_LEFT, Boolean.TRUE);
        } catch (StreamWait.GatewayStopping graceOver) {
            ErrorResponses.send(ctx, GatewayErrors.SHUTTING_DOWN, mapper);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            ErrorResponses.send(ctx, GatewayErrors.SHUTTING_DOWN, mapper);
        } finally {
            departure.stop();
        }
    }

    private void read(Context ctx, StreamWait events)
            throws InterruptedException, StreamWait.ClientLeft, StreamWait.GatewayStopping {
        String completion = null;
        while (true) {
            Optional<CompletionEvent> next = events.next(POLL);
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
