package dev.sheepdog.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Sends one streaming completion and measures it while it is read, event by event. */
final class StreamProbe {

    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final HttpClient client;
    private final ScheduledExecutorService deadlines;
    private final Duration timeout;

    StreamProbe(HttpClient client, ScheduledExecutorService deadlines, Duration timeout) {
        this.client = client;
        this.deadlines = deadlines;
        this.timeout = timeout;
    }

    RequestResult send(int targetIndex, BenchTarget target, byte[] body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.completionsUrl())
                .timeout(timeout) // bounds only the wait for the headers; the body's deadline is below
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        target.apiKey().authorization().ifPresent(value -> request.header("Authorization", value));
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            return RequestResult.failed(targetIndex, RequestResult.CONNECTION, System.nanoTime() - start);
        } catch (HttpTimeoutException e) {
            return RequestResult.failed(targetIndex, RequestResult.TIMEOUT, System.nanoTime() - start);
        } catch (IOException e) {
            return RequestResult.failed(targetIndex, RequestResult.CONNECTION, System.nanoTime() - start);
        }
        return read(targetIndex, response, start);
    }

    private RequestResult read(int targetIndex, HttpResponse<InputStream> response, long start)
            throws InterruptedException {
        AtomicBoolean expired = new AtomicBoolean();
        InputStream body = response.body();
        long remaining = timeout.toNanos() - (System.nanoTime() - start);
        // Closing the body wakes a read blocked on it, which then fails: that is how the deadline cuts a stalled stream.
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            closeQuietly(body);
        }, Math.max(0, remaining), TimeUnit.NANOSECONDS);
        try {
            if (response.statusCode() / 100 != 2) {
                drain(body, MAX_ERROR_BODY_BYTES);
                return RequestResult.failed(targetIndex, RequestResult.httpError(response.statusCode()),
                        System.nanoTime() - start);
            }
            return stream(targetIndex, body, start, expired);
        } finally {
            deadline.cancel(false);
            closeQuietly(body);
            if (Thread.interrupted()) {
                throw new InterruptedException("the benchmark was stopped");
            }
        }
    }

    private static RequestResult stream(int targetIndex, InputStream body, long start, AtomicBoolean expired) {
        StreamTally tally = new StreamTally(targetIndex, start);
        SseEventReader events = new SseEventReader(body);
        try {
            Optional<SseEvent> event;
            while ((event = events.next()).isPresent()) {
                long arrived = System.nanoTime();
                if (tally.accept(event.get(), arrived)) {
                    RequestResult result = tally.result(arrived);
                    // Reading to the end lets the connection go back to the pool, as a real client's would.
                    drain(body, Long.MAX_VALUE);
                    return result;
                }
            }
            return tally.result(System.nanoTime());
        } catch (IOException e) {
            long now = System.nanoTime();
            // A body cut after the headers is a truncated answer, unless our own deadline cut it.
            return RequestResult.failed(targetIndex, expired.get() ? RequestResult.TIMEOUT : RequestResult.TRUNCATED,
                    now - start);
        }
    }

    private static void drain(InputStream body, long maxBytes) {
        byte[] sink = new byte[8192];
        long read = 0;
        try {
            int count;
            while (read < maxBytes && (count = body.read(sink)) >= 0) {
                read += count;
            }
        } catch (IOException e) {
            // The result is already known; what is left of the body does not change it.
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // Closing is only to release the connection.
        }
    }
}
