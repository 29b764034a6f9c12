package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a completion stream to the client as OpenAI-style SSE: each chunk of an OpenAI-format
 * provider unchanged, any other provider's written in OpenAI's format ({@link OpenAiChunks}),
 * {@code : ping} comments while the provider is silent, {@code data: [DONE]} at a normal end and
 * an {@code error} event (without {@code [DONE]}) when it fails after the stream started.
 * A client that leaves is noticed within a fraction of a second, whatever the phase, and the
 * provider stream is closed; a stream still open when the gateway's grace period ends gets a
 * {@code server_shutting_down} error event.
 */
final class SseStreamWriter {

    static final String CLIENT_LEFT = "sheepdog.clientLeft";
    private static final Logger LOG = LoggerFactory.getLogger(SseStreamWriter.class);
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_BATCH_BYTES = 16 * 1024;

    private final Duration heartbeat;
    private final ObjectMapper mapper;
    private final StreamObserver observer;
    private final BooleanSupplier stopping;

    /** @param stopping true once the gateway's grace period is over and open streams must end */
    SseStreamWriter(Duration heartbeat, ObjectMapper mapper, StreamObserver observer, BooleanSupplier stopping) {
        this.heartbeat = heartbeat;
        this.mapper = mapper;
        this.observer = observer;
        this.stopping = stopping;
    }

    /** @param sentUpstream when the domain had sent the request to the provider, in {@link System#nanoTime()} terms */
    void write(Context ctx, CompletionStream stream, CompletionRequest request, long sentUpstream) {
        SseChannel channel = new SseChannel(ctx);
        OpenAiChunks payloads = new OpenAiChunks(request.model());
        boolean chunkSent = false;
        observer.streamOpened();
        ClientDeparture departure = ClientDeparture.watch(ctx);
        StreamWait events = new StreamWait(stream, departure, stopping);
        try (stream) {
            Optional<CompletionEvent> next = events.next(heartbeat);
            while (true) {
                if (next.isEmpty()) {
                    channel.send(PING);
                    next = events.next(heartbeat);
                    continue;
                }
                switch (next.get()) {
                    case Chunk chunk -> {
                        long arrived = System.nanoTime();
                        Optional<String> payload = payloads.of(chunk);
                        if (payload.isPresent()) {
                            channel.queueData(payload.get());
                            if (!chunkSent) {
                                chunkSent = true;
                                channel.flush();
                                deliveredFirst(ctx, sentUpstream, arrived);
                            }
                        }
                    }
                    case UsageReport usage -> {
                        // Sheepdog always asks for usage; the client only sees it if it asked too.
                        if (request.includeUsage()) {
                            payloads.of(usage).ifPresent(channel::queueData);
                        }
                    }
                    case End end -> {
                        channel.send(DONE);
                        return;
                    }
                    case Failed failed -> {
                        channel.flush();
                        fail(ctx, channel, FailureResponses.toApiError(failed.failure()));
                        return;
                    }
                }
                // Events already here go out together: a burst of tokens is one write, not one per token.
                next = channel.queuedBytes() < MAX_BATCH_BYTES ? events.next(Duration.ZERO) : Optional.empty();
                if (next.isEmpty()) {
                    channel.flush();
                    next = events.next(heartbeat);
                }
            }
        } catch (IOException clientLeft) {
            // Leaving the try closed the stream, which cancels the provider's request.
            ctx.attribute(CLIENT_LEFT, Boolean.TRUE);
        } catch (StreamWait.GatewayStopping | InterruptedException graceOver) {
            if (graceOver instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            abort(ctx, channel, GatewayErrors.SHUTTING_DOWN);
        } catch (RuntimeException bug) {
            LOG.error("a stream failed unexpectedly on {} {}", ctx.method(), ctx.path(), bug);
            abort(ctx, channel, GatewayErrors.INTERNAL);
        } finally {
            departure.stop();
            observer.streamClosed();
        }
    }

    private void deliveredFirst(Context ctx, long sentUpstream, long arrived) {
        Long received = ctx.attribute(RequestLogLine.START_NANOS);
        if (received != null) {
            observer.firstChunkDelivered(Duration.ofNanos(sentUpstream - received),
                    Duration.ofNanos(System.nanoTime() - arrived));
        }
    }

    // Once the 200 is out, even the gateway's own failure must arrive as an SSE error event.
    private void abort(Context ctx, SseChannel channel, ApiError error) {
        try {
            fail(ctx, channel, error);
        } catch (IOException clientLeft) {
            ctx.attribute(CLIENT_LEFT, Boolean.TRUE);
        }
    }

    private void fail(Context ctx, SseChannel channel, ApiError error) throws IOException {
        if (channel.committed() || channel.queuedBytes() > 0) {
            channel.sendEvent("error", error.toJson(mapper));
        } else {
            ErrorResponses.send(ctx, error, mapper);
        }
    }
}
