package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Only configured, priced and listed models are named; any name a caller makes up is "other". */
class KnownModelsTest {

    private static final Endpoint GROQ = new Endpoint(new EndpointId("groq"), "openai", URI.create("https://groq.test/v1"),
            Set.of("llama-4"), StreamDeadlines.DEFAULT);
    private static final Endpoint ANY = new Endpoint(new EndpointId("holysheep"), "openai",
            URI.create("https://holysheep.test/v1"), Set.of(), StreamDeadlines.DEFAULT);

    private final KnownModels known = new KnownModels(new Endpoints(List.of(GROQ, ANY)), PriceTable.DEFAULT);

    @Test
    void namesTheModelsOfTheEndpointsListsAndOfThePriceTable() {
        assertThat(known.labelOf("llama-4")).isEqualTo("llama-4");
        assertThat(known.labelOf("deepseek-v3.2")).isEqualTo("deepseek-v3.2");
        assertThat(known.size()).isEqualTo(1 + PriceTable.DEFAULT.prices().size());
    }

    @Test
    void callsAnyOtherNameOtherHoweverManyThereAre() {
        assertThat(IntStream.range(0, 10_000).mapToObj(i -> known.labelOf("made-up-" + i)).distinct())
                .containsExactly(KnownModels.OTHER);
        assertThat(known.isKnown("made-up-1")).isFalse();
    }

    @Test
    void learnsTheIdsAProviderListed() {
        known.learn(List.of("qwen3-coder", "kimi-k2"));

        assertThat(known.labelOf("qwen3-coder")).isEqualTo("qwen3-coder");
        assertThat(known.labelOf("kimi-k2")).isEqualTo("kimi-k2");
        assertThat(known.labelOf("made-up")).isEqualTo(KnownModels.OTHER);
    }

    @Test
    void learnsNoMoreThanItsLimitSoAProviderCannotGrowTheLabelsWithoutEnd() {
        KnownModels small = new KnownModels(Set.of("gpt-4.1"), 3);

        small.learn(List.of("gpt-4.1", "a", "b"));
        small.learn(IntStream.range(0, 5_000).mapToObj(i -> "listed-" + i).toList());

        assertThat(small.size()).isEqualTo(1 + 3);
        assertThat(small.labelOf("a")).isEqualTo("a");
        assertThat(small.labelOf("listed-0")).isEqualTo("listed-0");
        assertThat(small.labelOf("listed-1")).isEqualTo(KnownModels.OTHER);
    }

    @Test
    void learnsNoBlankOrOverlongId() {
        known.learn(List.of(" ", "x".repeat(201)));

        assertThat(known.size()).isEqualTo(1 + PriceTable.DEFAULT.prices().size());
    }

    @Test
    void refusesANegativeLimit() {
        assertThatThrownBy(() -> new KnownModels(Set.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
