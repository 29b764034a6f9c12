package dev.sheepdog.providers;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body handed to its reader piece by piece, with a timeout on every wait. At most
 * {@value #WINDOW} pieces wait unread: the HTTP client is asked for more only as the reader takes
 * them, so a slow client slows the reading of the provider instead of filling memory; cancelling
 * closes the connection.
 */
final class ResponseBodyQueue implements BodySubscriber<ResponseBodyQueue> {

    /** What a wait on the body gives: bytes, the end of the body, or the error that broke it. */
    sealed interface Piece {
        record Bytes(List<ByteBuffer> buffers) implements Piece {
        }

        record Ended() implements Piece {
        }

        record Broken(Throwable cause) implements Piece {
        }
    }

    private static final Piece ENDED = new Piece.Ended();

    /** Pieces asked for ahead of the reader; asking again every half window, not every piece, saves a wake-up per chunk. */
    static final int WINDOW = 8;

    private final BlockingQueue<Piece> pieces = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private volatile boolean finished;
    private int takenSinceLastAsk;

    @Override
    public void onSubscribe(Flow.Subscription given) {
        subscription.complete(given);
        given.request(WINDOW);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        pieces.add(new Piece.Bytes(buffers));
    }

    @Override
    public void onError(Throwable cause) {
        pieces.add(new Piece.Broken(cause));
    }

    @Override
    public void onComplete() {
        pieces.add(ENDED);
    }

    @Override
    public CompletionStage<ResponseBodyQueue> getBody() {
        // Available as soon as the headers are: the body is read through this queue.
        return CompletableFuture.completedFuture(this);
    }

    /** The next piece, or null when none arrived within the wait. */
    Piece poll(long waitNanos) throws InterruptedException {
        Piece piece = pieces.poll(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        if (piece instanceof Piece.Bytes) {
            askAgainEveryHalfWindow();
        } else if (piece != null) {
            finished = true;
        }
        return piece;
    }

    private void askAgainEveryHalfWindow() {
        if (++takenSinceLastAsk == WINDOW / 2) {
            takenSinceLastAsk = 0;
            subscription.thenAccept(given -> given.request(WINDOW / 2));
        }
    }

    /** Whether the body was read to its end (or broke): nothing is left to cancel. */
    boolean finished() {
        return finished;
    }

    /**
     * Stops reading: the HTTP client closes the connection, and the provider sees the client leave.
     * Nothing to do once the body was read to its end: the connection went back to the client's pool,
     * and cancelling it then would only make the client build an exception, stack trace and all.
     */
    void cancel() {
        if (!finished) {
            finished = true;
            subscription.thenAccept(Flow.Subscription::cancel);
        }
    }
}
