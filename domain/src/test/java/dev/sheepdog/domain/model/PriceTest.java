package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

    @Test
    void costsExactlyWhatTheTableSaysPerMillionTokens() {
        Price deepseek = PriceTable.DEFAULT.of("deepseek-v3.2").orElseThrow();

        assertThat(deepseek.costOf(Usage.reported(0, 1_000_000))).isEqualByComparingTo("0.42");
        assertThat(deepseek.costOf(Usage.reported(1_000_000, 0))).isEqualByComparingTo("0.28");
        assertThat(PriceTable.DEFAULT.of("gpt-4.1").orElseThrow().costOf(Usage.reported(1200, 350)))
                .isEqualByComparingTo("0.0052");
    }

    @Test
    void aMillionSingleTokenStreamsAddUpWithoutDrift() {
        Price deepseek = PriceTable.DEFAULT.of("deepseek-v3.2").orElseThrow();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 1_000_000; i++) {
            total = total.add(deepseek.costOf(Usage.reported(0, 1)));
        }

        assertThat(total).isEqualByComparingTo("0.42");
        double floats = 0;
        for (int i = 0; i < 1_000_000; i++) {
            floats += 0.42 / 1_000_000;
        }
        assertThat(floats).as("what doubles would have given").isNotEqualTo(0.42);
    }

    @Test
    void theSeedsPricesAreTheDefaults() {
        assertThat(PriceTable.DEFAULT.of("deepseek-v3.2")).contains(Price.of("0.28", "0.42", "0.028", "0.28"));
        assertThat(PriceTable.DEFAULT.of("gpt-4.1")).contains(Price.of("2.00", "8.00", "0.50", "2.00"));
        assertThat(PriceTable.DEFAULT.of("claude-sonnet-4.5")).contains(Price.of("3.00", "15.00", "0.30", "3.75"));
        assertThat(PriceTable.DEFAULT.of("claude-sonnet-4-5")).contains(Price.of("3.00", "15.00", "0.30", "3.75"));
        assertThat(PriceTable.DEFAULT.of("claude-haiku-4-5")).contains(Price.of("1.00", "5.00", "0.10", "1.25"));
        assertThat(PriceTable.DEFAULT.of("gemini-2.5-flash")).contains(Price.of("0.30", "2.50", "0.03", "0.30"));
    }

    @Test
    void aCacheReadIsBilledAtItsOwnRateNotAsAFreshInputToken() {
        Price sonnet = Price.of("3.00", "15.00", "0.30", "3.75");
        // Anthropic's cache-read fixture: 4 fresh + 1,165 read = 1,169 prompt tokens, 221 written out.
        Usage cacheRead = new Usage(1_169, 221, 1_165, 0, 0, false);
        // and its cache-creation twin: the 1,165 were written to the cache instead.
        Usage cacheWrite = new Usage(1_169, 201, 0, 1_165, 0, false);

        assertThat(sonnet.costOf(cacheRead)).isEqualByComparingTo("0.0036765"); // 4*3 + 1165*0.3 + 221*15, per million
        assertThat(sonnet.costOf(cacheWrite)).isEqualByComparingTo("0.00739575"); // 4*3 + 1165*3.75 + 201*15
        assertThat(Price.of("3.00", "15.00").costOf(cacheRead))
                .as("without cache rates, cached tokens cost as fresh input: never less than they may")
                .isEqualByComparingTo("0.006822"); // 1169*3 + 221*15
    }

    @Test
    void cachedTokensCannotExceedThePrompt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Usage(10, 5, 8, 3, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot exceed");
    }

    @Test
    void anUnknownModelHasNoPriceAndConfiguredPricesWin() {
        assertThat(PriceTable.DEFAULT.of("llama-4")).isEmpty();
        PriceTable custom = PriceTable.DEFAULT.with(java.util.Map.of("gpt-4.1", Price.of("1", "4")));

        assertThat(custom.of("gpt-4.1")).contains(Price.of("1", "4"));
        assertThat(custom.of("deepseek-v3.2")).isPresent();
    }

    @Test
    void refusesANegativePrice() {
        assertThatIllegalArgumentException().isThrownBy(() -> Price.of("-1", "2"));
    }
}
