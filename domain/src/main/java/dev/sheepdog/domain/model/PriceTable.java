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
     * The defaults, in USD per million tokens (input / output): DeepSeek V3.2 0.28 / 0.42, GPT-4.1
     * 2.00 / 8.00, Claude Sonnet 4.5 3.00 / 15.00, Gemini 2.5 Flash 0.30 / 2.50.
     */
    public static final PriceTable DEFAULT = new PriceTable(Map.of(
            "deepseek-v3.2", Price.of("0.28", "0.42"),
            "gpt-4.1", Price.of("2.00", "8.00"),
            "claude-sonnet-4.5", Price.of("3.00", "15.00"),
            "gemini-2.5-flash", Price.of("0.30", "2.50")));

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
