package dev.sheepdog.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The body waits in a bounded window: a reader that falls behind stops the reading of the provider. */
class ResponseBodyQueueTest {

    private final List<Long> asked = new ArrayList<>();
    private int cancelled;
    private final ResponseBodyQueue body = new ResponseBodyQueue();

    @Test
    void asksForOneWindowOfPiecesUpFront() {
        body.onSubscribe(recordingSubscription());

        assertThat(asked).containsExactly((long) ResponseBodyQueue.WINDOW);
    }

    @Test
    void asksForNothingMoreWhileTheReaderTakesNothing() {
        body.onSubscribe(recordingSubscription());
        for (int i = 0; i < ResponseBodyQueue.WINDOW; i++) {
            body.onNext(List.of(ByteBuffer.wrap(new byte[] {'x'})));
        }

        assertThat(asked).containsExactly((long) ResponseBodyQueue.WINDOW);
    }

    @Test
    void asksForHalfAWindowMoreEachTimeTheReaderTookHalfAWindow() throws InterruptedException {
        body.onSubscribe(recordingSubscription());
        int half = ResponseBodyQueue.WINDOW / 2;
        for (int i = 0; i < ResponseBodyQueue.WINDOW; i++) {
            body.onNext(List.of(ByteBuffer.wrap(new byte[] {'x'})));
        }

        for (int i = 0; i < half - 1; i++) {
            body.poll(0);
        }
        assertThat(asked).hasSize(1);
        body.poll(0);
        assertThat(asked).containsExactly((long) ResponseBodyQueue.WINDOW, (long) half);
    }

    @Test
    void theEndOfTheBodyFinishesItWithoutAskingForMore() throws InterruptedException {
        body.onSubscribe(recordingSubscription());
        body.onComplete();

        assertThat(body.poll(0)).isInstanceOf(ResponseBodyQueue.Piece.Ended.class);
        assertThat(body.finished()).isTrue();
        assertThat(asked).hasSize(1);
    }

    @Test
    void cancellingABodyStillBeingReadCancelsItsSubscriptionOnce() {
        body.onSubscribe(recordingSubscription());

        body.cancel();
        body.cancel();

        assertThat(cancelled).isEqualTo(1);
        assertThat(body.finished()).isTrue();
    }

    @Test
    void cancellingABodyReadToItsEndLeavesItsConnectionAlone() throws InterruptedException {
        body.onSubscribe(recordingSubscription());
        body.onComplete();
        body.poll(0);

        body.cancel();

        assertThat(cancelled).isZero();
    }

    private Flow.Subscription recordingSubscription() {
        return new Flow.Subscription() {
            @Override
            public void request(long n) {
                asked.add(n);
            }

            @Override
            public void cancel() {
                cancelled++;
            }
        };
    }
}
