package dev.sheepdog.adapter.out.simulator;

import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ENDPOINT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.INSTANT;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.MODEL;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.ask;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.drain;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.nonStreaming;
import static dev.sheepdog.adapter.out.simulator.SimulatorFixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedNonStreamingTest {

    @Test
    void answersWithOneWholeCompletionThenUsageThenTheEnd() throws Exception {
        List<CompletionEvent> events = drain(provider(INSTANT).open(ENDPOINT, ApiKey.NONE,
                nonStreaming(ask("Ý tưởng cho một bài blog"))));

        assertThat(events).hasSize(3);
        Chunk whole = (Chunk) events.get(0);
        UsageReport usage = (UsageReport) events.get(1);
        JsonNode json = new ObjectMapper().readTree(whole.json().text());
        assertThat(json.get("object").asText()).isEqualTo("chat.completion");
        assertThat(json.get("model").asText()).isEqualTo(MODEL);
        assertThat(json.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(json.at("/choices/0/message/content").asText()).isEqualTo(whole.text()).hasSizeGreaterThan(300);
        assertThat(json.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(whole.finishReason()).contains("stop");
        assertThat(json.at("/usage/prompt_tokens").asLong()).isEqualTo(usage.usage().promptTokens()).isPositive();
        assertThat(json.at("/usage/completion_tokens").asLong()).isEqualTo(usage.usage().completionTokens())
                .isEqualTo(Tokens.count(whole.text()));
        assertThat(json.at("/usage/total_tokens").asLong()).isEqualTo(usage.usage().totalTokens());
        assertThat(usage.usageOnlyChunk()).isEmpty();
        assertThat(events.get(2)).isInstanceOf(End.class);
    }
}
