package dev.sheepdog.adapter.out.simulator;

import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ENDPOINT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.INSTANT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ask;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.drain;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.nonStreaming;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.provider;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.withMaxTokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A non-streaming answer is the same neutral events in one chunk: the client's adapter writes the whole completion. */
class SimulatedNonStreamingTest {

    private static final CompletionRequest REQUEST = ask("Ý tưởng cho một bài blog");

    @Test
    void answersWithOneChunkStartingTheMessageWithAllItsTextAndTheFinishThenUsageThenTheEnd() throws Exception {
        List<CompletionEvent> events = drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, nonStreaming(REQUEST)));

        assertThat(events).hasSize(3);
        Chunk whole = (Chunk) events.get(0);
        assertThat(whole.deltas()).hasSize(3);
        assertThat(whole.deltas().get(0)).isEqualTo(new Delta.Start(Role.ASSISTANT));
        assertThat(whole.deltas().get(1)).isInstanceOf(Delta.Text.class);
        assertThat(whole.deltas().get(2)).isEqualTo(new Delta.Finish(FinishReason.STOP));
        assertThat(whole.text()).hasSizeGreaterThan(300).isEqualTo(SimulatorFixtures.answerTo(REQUEST));
        assertThat(whole.original()).isEmpty();
        UsageReport usage = (UsageReport) events.get(1);
        assertThat(usage.usage().promptTokens()).isPositive();
        assertThat(usage.usage().completionTokens()).isEqualTo(Tokens.count(whole.text()));
        assertThat(usage.usage().estimated()).isFalse();
        assertThat(usage.original()).isEmpty();
        assertThat(events.get(2)).isInstanceOf(End.class);
    }

    @Test
    void cutsTheWholeAnswerAtMaxTokensWithFinishReasonLength() throws Exception {
        List<CompletionEvent> events = drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE,
                nonStreaming(withMaxTokens(REQUEST, 7))));

        Chunk whole = (Chunk) events.get(0);
        assertThat(whole.finishReason()).contains(FinishReason.LENGTH);
        assertThat(Tokens.count(whole.text())).isEqualTo(7);
        assertThat(((UsageReport) events.get(1)).usage().completionTokens()).isEqualTo(7);
    }
}
