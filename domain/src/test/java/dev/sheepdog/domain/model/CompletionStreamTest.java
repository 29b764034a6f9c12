package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompletionStreamTest {

    @Test
    void aFailedStreamAlwaysReturnsItsFailure() throws InterruptedException {
        CompletionFailure failure = CompletionFailure.of(FailureKind.MODEL_NOT_FOUND, "no such model");
        CompletionStream stream = CompletionStream.failed(failure);
        CompletionEvent expected = new CompletionEvent.Failed(failure);

        assertThat(stream.poll(Duration.ZERO)).contains(expected);
        assertThat(stream.poll(Duration.ofSeconds(1))).contains(expected);
        stream.close();
        stream.close();
        assertThat(stream.poll(Duration.ZERO)).contains(expected);
    }
}
