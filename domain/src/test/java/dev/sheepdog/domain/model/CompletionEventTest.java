package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletionEventTest {

    @Test
    void onlyTheEndAndAFailureAreTerminal() {
        assertThat(new CompletionEvent.End().terminal()).isTrue();
        assertThat(new CompletionEvent.Failed(CompletionFailure.of(FailureKind.CANCELLED, "left")).terminal()).isTrue();
        assertThat(CompletionEvent.Chunk.of(new Delta.Text("hi"), new Delta.Finish(FinishReason.STOP)).terminal()).isFalse();
        assertThat(CompletionEvent.UsageReport.of(Usage.reported(1, 1)).terminal()).isFalse();
    }

    @Test
    void aChunkSaysWhatTheModelWroteAndWhyItStopped() {
        CompletionEvent.Chunk chunk = CompletionEvent.Chunk.of(new Delta.Start(Role.ASSISTANT),
                new Delta.Reasoning("hmm", Optional.empty()), new Delta.Text("Xin "), new Delta.Text("chào"),
                new Delta.Finish(FinishReason.LENGTH));

        assertThat(chunk.text()).isEqualTo("Xin chào");
        assertThat(chunk.written()).isTrue();
        assertThat(chunk.finishReason()).contains(FinishReason.LENGTH);
        assertThat(CompletionEvent.Chunk.of(new Delta.Start(Role.ASSISTANT), new Delta.Text("")).written()).isFalse();
        assertThat(CompletionEvent.Chunk.of(new Delta.ToolCall(0, Optional.of("call_1"), Optional.of("f"), ""))
                .written()).as("a tool call's first piece is written even without arguments").isTrue();
    }
}
