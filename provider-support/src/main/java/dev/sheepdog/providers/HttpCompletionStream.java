package dev.sheepdog.providers;

import dev.sheepdog.providers.ResponseBodyQueue.Piece;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.FailureKind;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One completion being read from a provider over HTTP. Every wait is bounded by the
 * caller's poll and by the stream's deadline; a deadline that passes is a typed failure, and the
 * request is cancelled whenever the stream stops before the provider finished.
 */
final class HttpCompletionStream implements CompletionStream {

    private static final CompletionEvent CANCELLED = new CompletionEvent.Failed(
            CompletionFailure.of(FailureKind.CANCELLED, "The stream was closed by its reader."));
    private static final long DRAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final CompletableFuture<HttpResponse<ResponseBodyQueue>> response;
    private final BodyReader reader;
    private final StreamDeadline deadline;
    private final Redaction redaction;
    private final Clock clock;
    private final Queue<CompletionEvent> pending = new ArrayDeque<>();
    private ResponseBodyQueue body;
    private long bytesRead;
    private volatile CompletionEvent terminal;

    HttpCompletionStream(CompletableFuture<HttpResponse<ResponseBodyQueue>> response, BodyReader reader,
                    StreamDeadline deadline, ApiKey key, Clock clock) {
        this.response = response;
        this.reader = reader;
        this.deadline = deadline;
        this.redaction = Redaction.of(key);
        this.clock = clock;
    }

    @Override
    public Optional<CompletionEvent> poll(Duration maxWait) throws InterruptedException {
        long waitEnd = System.nanoTime() + maxWait.toNanos();
        while (pending.isEmpty() && terminal == null) {
            long due = deadline.nextNanos();
            long until = due - waitEnd < 0 ? due : waitEnd;
            boolean progressed = body == null ? awaitHeaders(until) : awaitBody(until);
            if (!progressed) {
                long now = System.nanoTime();
                if (now - due >= 0) {
                    pending.add(new CompletionEvent.Failed(deadline.expired(now)));
                } else if (now - waitEnd >= 0) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(terminal != null ? terminal : deliver(pending.poll()));
    }

    @Override
    public void close() {
        if (terminal == null) {
            terminal = CANCELLED;
            cancel();
        } else if (body != null && !body.finished()) {
            drainThenCancel();
        }
    }

    private boolean awaitHeaders(long untilNanos) throws InterruptedException {
        HttpResponse<ResponseBodyQueue> answer;
        try {
            answer = response.get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException notYet) {
            return false;
        } catch (ExecutionException e) {
            pending.add(new CompletionEvent.Failed(ProviderFailures.beforeAnswer(e.getCause())));
            return true;
        }
        body = answer.body();
        deadline.bytesArrived(System.nanoTime());
        if (answer.statusCode() / 100 != 2) {
            byte[] errorBody = ErrorBody.read(body, untilNanos);
            pending.add(new CompletionEvent.Failed(ProviderFailures.fromStatus(
                    answer.statusCode(), answer.headers(), errorBody, clock.instant())));
        }
        return true;
    }

    private boolean awaitBody(long untilNanos) throws InterruptedException {
        Piece piece = body.poll(untilNanos - System.nanoTime());
        switch (piece) {
            case null -> {
                return false;
            }
            case Piece.Bytes bytes -> {
                deadline.bytesArrived(System.nanoTime());
                for (ByteBuffer buffer : bytes.buffers()) {
                    bytesRead += buffer.remaining();
                    reader.read(buffer, pending);
                }
            }
            case Piece.Ended ended -> reader.end(pending);
            case Piece.Broken broken ->
                    pending.add(new CompletionEvent.Failed(ProviderFailures.cutOff(reader.what(), bytesRead,
                            deadline.chunkSeen())));
        }
        return true;
    }

    private CompletionEvent deliver(CompletionEvent next) {
        // Every failure leaves through here, so every string the provider wrote into one is scrubbed here.
        CompletionEvent event = next instanceof CompletionEvent.Failed failed
                ? new CompletionEvent.Failed(redaction.failure(failed.failure())) : next;
        if (event instanceof CompletionEvent.Chunk || event instanceof CompletionEvent.UsageReport) {
            deadline.chunkArrived(System.nanoTime());
        }
        if (event.terminal()) {
            terminal = event;
            pending.clear();
            if (event instanceof CompletionEvent.Failed) {
                cancel();
            }
        }
        return event;
    }

    // After [DONE] the body's end is usually already on its way: reading it lets the connection be reused.
    private void drainThenCancel() {
        long until = System.nanoTime() + DRAIN_NANOS;
        try {
            while (!body.finished() && System.nanoTime() - until < 0) {
                body.poll(until - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cancel();
    }

    private void cancel() {
        if (body != null) {
            body.cancel();
        }
        response.cancel(true);
    }
}
