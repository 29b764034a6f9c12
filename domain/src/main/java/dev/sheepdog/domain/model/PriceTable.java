package dev.sheepdog.domain.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The price of each model the gateway knows. A model that is not in the table is unpriced: its
 * cost is unknown, never zero.
 */
public record PriceTable(Map<String, Price> prices) {

    /**
     * The defaults, in USD per million tokens (input / output / cache read / cache write): DeepSeek V3.2
     * 0.28 / 0.42 / 0.028 / 0.28, GPT-4.1 2.00 / 8.00 / 0.50 / 2.00, Gemini 2.5 Flash 0.30 / 2.50 / 0.03 /
     * 0.30, and Anthropic's current Claude models under both their Anthropic ids and HolySheep's
     * dotted labels: Sonnet 4.5 and 4 at 3.00 / 15.00 / 0.30 / 3.75, Haiku 4.5 at 1.00 / 5.00 / 0.10 /
     * 1.25, Opus 4.5 at 5.00 / 25.00 / 0.50 / 6.25 and Opus 4.1 at 15.00 / 75.00 / 1.50 / 18.75 (cache
     * writes at the five-minute rate, 1.25 times input).
     */
    public static final PriceTable DEFAULT = new PriceTable(Map.ofEntries(
            Map.entry("deepseek-v3.2", Price.of("0.28", "0.42", "0.028", "0.28")),
            Map.entry("gpt-4.1", Price.of("2.00", "8.00", "0.50", "2.00")),
            Map.entry("gemini-2.5-flash", Price.of("0.30", "2.50", "0.03", "0.30")),
            Map.entry("claude-sonnet-4.5", Price.of("3.00", "15.00", "0.30", "3.75")),
            Map.entry("claude-sonnet-4-5", Price.of("3.00", "15.00", "0.30", "3.75")),
            Map.entry("claude-sonnet-4-0", Price.of("3.00", "15.00", "0.30", "3.75")),
            Map.entry("claude-haiku-4.5", Price.of("1.00", "5.00", "0.10", "1.25")),
            Map.entry("claude-haiku-4-5", Price.of("1.00", "5.00", "0.10", "1.25")),
            Map.entry("claude-opus-4.5", Price.of("5.00", "25.00", "0.50", "6.25")),
            Map.entry("claude-opus-4-5", Price.of("5.00", "25.00", "0.50", "6.25")),
            Map.entry("claude-opus-4-1", Price.of("15.00", "75.00", "1.50", "18.75"))));

    public PriceTable {
        prices = Map.copyOf(prices);
    }

    public Optional<Price> of(String model) {
        return Optional.ofNullable(prices.get(model));
    }

    /** What a completion of {@code model} with this usage cost; empty when the model has no price (never zero). */
    public Optional<BigDecimal> costOf(String model, Usage usage) {
        return of(model).map(price -> price.costOf(usage));
    }

    /** This table with other prices added, or replacing its own for the same models. */
    public PriceTable with(Map<String, Price> more) {
        Map<String, Price> merged = new LinkedHashMap<>(prices);
        merged.putAll(more);
        return new PriceTable(merged);
    }
}
