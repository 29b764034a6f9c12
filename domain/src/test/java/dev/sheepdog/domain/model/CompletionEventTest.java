package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletionEventTest {

    @Test
    void onlyTheEndAndAFailureAreTerminal() {
        RawJson json = new RawJson("{}");

        assertThat(new CompletionEvent.End().terminal()).isTrue();
        assertThat(new CompletionEvent.Failed(CompletionFailure.of(FailureKind.CANCELLED, "left")).terminal()).isTrue();
        assertThat(new CompletionEvent.Chunk(json, "hi", Optional.of("stop")).terminal()).isFalse();
        assertThat(new CompletionEvent.UsageReport(Usage.reported(1, 1), Optional.of(json)).terminal()).isFalse();
    }
}
