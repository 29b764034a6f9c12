package dev.sheepdog.adapter.out.simulator;

import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ENDPOINT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.INSTANT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ask;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.contentChunks;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.drain;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.provider;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.withMaxTokens;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A streamed answer is neutral events: the role, one text delta per token, the finish reason, usage, the end. */
class SimulatedStreamEventsTest {

    private static final CompletionRequest REQUEST = ask("Một tiêu đề cho bài viết về du lịch");

    @Test
    void streamsTheRoleThenTheTextThenStopThenUsageThenTheEnd() throws Exception {
        List<CompletionEvent> events = drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, REQUEST));
        List<Chunk> content = contentChunks(events);
        int n = content.size();

        assertThat(events).hasSize(n + 3);
        assertThat(content.getFirst().deltas()).hasSize(2).first().isEqualTo(new Delta.Start(Role.ASSISTANT));
        assertThat(content.subList(1, n)).allSatisfy(chunk ->
                assertThat(chunk.deltas()).singleElement().isInstanceOf(Delta.Text.class));
        assertThat(String.join("", content.stream().map(Chunk::text).toList()))
                .isEqualTo(SimulatorFixtures.answerTo(SimulatorFixtures.nonStreaming(REQUEST)));
        Chunk finish = (Chunk) events.get(n);
        assertThat(finish.deltas()).containsExactly(new Delta.Finish(FinishReason.STOP));
        UsageReport usage = (UsageReport) events.get(n + 1);
        assertThat(usage.usage().completionTokens()).isEqualTo(n);
        assertThat(usage.usage().promptTokens()).isPositive();
        assertThat(usage.original()).as("no provider bytes to forward").isEmpty();
        assertThat(events.getLast()).isInstanceOf(End.class);
    }

    @Test
    void carriesNoProviderBytesAndOneTokenInEachTextDelta() throws Exception {
        List<CompletionEvent> events = drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, REQUEST));

        assertThat(events).filteredOn(Chunk.class::isInstance).map(Chunk.class::cast)
                .allSatisfy(chunk -> assertThat(chunk.original()).isEmpty());
        assertThat(contentChunks(events)).allSatisfy(chunk -> assertThat(Tokens.count(chunk.text())).isEqualTo(1));
    }

    @Test
    void cutsTheAnswerAtMaxTokensWithFinishReasonLength() throws InterruptedException {
        List<CompletionEvent> events = drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, withMaxTokens(REQUEST, 7)));

        assertThat(contentChunks(events)).hasSize(7);
        assertThat(((Chunk) events.get(7)).finishReason()).contains(FinishReason.LENGTH);
        assertThat(((UsageReport) events.get(8)).usage().completionTokens()).isEqualTo(7);
    }

    @Test
    void stopsNaturallyWhenMaxTokensIsNotReached() throws InterruptedException {
        int natural = contentChunks(drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE, REQUEST))).size();

        List<CompletionEvent> events = drain(
                provider(INSTANT).open(ENDPOINT, ApiKey.NONE, withMaxTokens(REQUEST, natural)));

        assertThat(contentChunks(events)).hasSize(natural);
        assertThat(((Chunk) events.get(natural)).finishReason()).contains(FinishReason.STOP);
    }

    @Test
    void givesExactlyTheConfiguredNumberOfTokens() throws InterruptedException {
        List<CompletionEvent> events = drain(
                provider(INSTANT.withTokensPerAnswer(37)).open(ENDPOINT, ApiKey.NONE, REQUEST));

        assertThat(contentChunks(events)).hasSize(37);
        assertThat(((UsageReport) events.get(38)).usage().completionTokens()).isEqualTo(37);
    }

    @Test
    void keepsReturningTheEndAfterTheEnd() throws InterruptedException {
        CompletionStream stream = provider(INSTANT).open(ENDPOINT, ApiKey.NONE, REQUEST);
        drain(stream);

        assertThat(stream.poll(Duration.ZERO)).get().isInstanceOf(End.class);
        assertThat(stream.poll(Duration.ofSeconds(1))).get().isInstanceOf(End.class);
    }
}
