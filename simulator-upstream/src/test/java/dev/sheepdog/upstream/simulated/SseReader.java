package dev.sheepdog.upstream.simulated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a streamed response line by line on its own thread, noting when each line arrived and how the body ended. */
final class SseReader implements AutoCloseable {

    /** One line of the body and when it arrived; the last one is the end: a clean end of body or a failure. */
    record Line(String text, long nanos, boolean end, IOException failure) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();

    SseReader(HttpResponse<InputStream> response) {
        this.response = response;
        Thread.ofVirtual().start(this::read);
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next line, or empty when none arrived within {@code wait}. */
    Optional<Line> next(Duration wait) throws InterruptedException {
        return Optional.ofNullable(lines.poll(wait.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Every line up to and including the end, which must come within {@code wait}. */
    List<Line> untilEnd(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Line> all = new ArrayList<>();
        while (all.isEmpty() || !all.getLast().end()) {
            Line line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("the body did not end within " + wait + "; read so far: " + all);
            }
            all.add(line);
        }
        return all;
    }

    private void read() {
        InputStreamReader body = new InputStreamReader(response.body(), StandardCharsets.UTF_8);
        try (BufferedReader reader = new BufferedReader(body)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(new Line(line, System.nanoTime(), false, null));
            }
            lines.add(new Line(null, System.nanoTime(), true, null));
        } catch (IOException e) {
            lines.add(new Line(null, System.nanoTime(), true, e));
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
