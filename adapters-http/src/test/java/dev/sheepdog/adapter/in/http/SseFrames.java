package dev.sheepdog.adapter.in.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The frames of an SSE response as they arrive, each exactly as sent including its blank line
 * ({@code "data: {...}\n\n"}), so a test can see one event before the next one even exists.
 */
final class SseFrames implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {

    static final String PING = ": ping\n\n";
    static final String DONE = "data: [DONE]\n\n";
    private static final long WAIT_SECONDS = 5;

    private final HttpResponse<?> response;
    private final BlockingQueue<Optional<String>> frames = new LinkedBlockingQueue<>(); // empty: the end
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private int previous = -1;

    private SseFrames(HttpResponse<?> response) {
        this.response = response;
    }

    static SseFrames of(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
        SseFrames frames = new SseFrames(response);
        response.body().subscribe(frames);
        return frames;
    }

    HttpResponse<?> response() {
        return response;
    }

    /** The next frame, heartbeats included. */
    String nextFrame() throws InterruptedException {
        Optional<String> next = frames.poll(WAIT_SECONDS, SECONDS);
        if (next == null) {
            return fail("no SSE frame arrived within %d s", WAIT_SECONDS);
        }
        return next.orElseGet(() -> fail("the stream ended where a frame was expected"));
    }

    /** The next frame that is not a comment such as {@code : ping}. */
    String nextEvent() throws InterruptedException {
        String frame = nextFrame();
        while (frame.startsWith(":")) {
            frame = nextFrame();
        }
        return frame;
    }

    /** Every frame up to the end of the response, heartbeats left out. */
    List<String> remainingEvents() throws InterruptedException {
        List<String> events = new ArrayList<>();
        for (Optional<String> next = frames.poll(WAIT_SECONDS, SECONDS); ; next = frames.poll(WAIT_SECONDS, SECONDS)) {
            if (next == null) {
                return fail("the stream did not end within %d s; events so far: %s", WAIT_SECONDS, events);
            }
            if (next.isEmpty()) {
                return events;
            }
            if (!next.get().startsWith(":")) {
                events.add(next.get());
            }
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                partial.write(b);
                if (b == '\n' && previous == '\n') {
                    frames.add(Optional.of(partial.toString(UTF_8)));
                    partial.reset();
                }
                previous = b;
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        onComplete();
    }

    @Override
    public void onComplete() {
        if (partial.size() > 0) {
            frames.add(Optional.of(partial.toString(UTF_8))); // a torn frame shows up in assertions
        }
        frames.add(Optional.empty());
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
