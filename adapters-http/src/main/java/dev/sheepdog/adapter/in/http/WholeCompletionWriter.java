package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Usage;
import dev.sheepdog.wire.openai.CompletionWriter;
import dev.sheepdog.wire.openai.OpenAiWire;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Answers a {@code "stream": false} request with one {@code chat.completion}: an OpenAI-format provider's
 * own, unchanged, or the one a {@link CompletionWriter} gathers from any other provider's chunks.
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

    /** @param model the model the client asked for, which a gathered completion names */
    void write(Context ctx, CompletionStream stream, String model) {
        ClientDeparture departure = ClientDeparture.watch(ctx);
        try (stream) {
            read(ctx, new StreamWait(stream, departure, stopping), model);
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

    private void read(Context ctx, StreamWait events, String model)
            throws InterruptedException, StreamWait.ClientLeft, StreamWait.GatewayStopping {
        String completion = null;
        CompletionWriter gathered = null;
        Usage usage = null;
        while (true) {
            Optional<CompletionEvent> next = events.next(POLL);
            if (next.isEmpty()) {
                continue;
            }
            switch (next.get()) {
                case Chunk chunk -> {
                    if (chunk.original().isPresent() && chunk.original().get().in(OpenAiWire.COMPLETION)) {
                        completion = chunk.original().get().text();
                    } else {
                        gathered = gathered == null ? CompletionWriter.startingNow(model) : gathered;
                        gathered.add(chunk.deltas());
                    }
                }
                case Failed failed -> {
                    ErrorResponses.send(ctx, FailureResponses.toApiError(failed.failure()), mapper);
                    return;
                }
                case CompletionEvent.End end -> {
                    answer(ctx, completion, gathered, usage);
                    return;
                }
                // An OpenAI-format provider's completion has it in its own "usage" field already.
                case CompletionEvent.UsageReport report -> usage = report.usage();
            }
        }
    }

    private void answer(Context ctx, String completion, CompletionWriter gathered, Usage usage) {
        if (completion == null && gathered != null) {
            if (usage != null) {
                gathered.usage(usage);
            }
            completion = gathered.write();
        }
        if (completion == null) {
            ErrorResponses.send(ctx, GatewayErrors.NO_COMPLETION, mapper);
        } else {
            ctx.status(200).contentType("application/json").result(completion);
        }
    }
}
