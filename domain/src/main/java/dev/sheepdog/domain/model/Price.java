package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a model costs, in US dollars per million tokens: fresh input (prompt) tokens, output
 * (completion) tokens, and input tokens read from or written to the provider's prompt cache.
 * A model without cache rates bills cached tokens as fresh input: never less than it may cost.
 */
public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cacheReadPerMillion,
                    BigDecimal cacheWritePerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** Enough digits that summing many small streams never drifts: a millionth of a cent. */
    private static final int SCALE = 12;

    public Price {
        requireNonNull(inputPerMillion, "inputPerMillion");
        requireNonNull(outputPerMillion, "outputPerMillion");
        requireNonNull(cacheReadPerMillion, "cacheReadPerMillion");
        requireNonNull(cacheWritePerMillion, "cacheWritePerMillion");
        if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0 || cacheReadPerMillion.signum() < 0
                || cacheWritePerMillion.signum() < 0) {
            throw new IllegalArgumentException("a price cannot be negative");
        }
    }

    /** A price whose cached input tokens cost as much as fresh ones. */
    public Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        this(inputPerMillion, outputPerMillion, inputPerMillion, inputPerMillion);
    }

    public static Price of(String inputPerMillion, String outputPerMillion) {
        return new Price(new BigDecimal(inputPerMillion), new BigDecimal(outputPerMillion));
    }

    public static Price of(String inputPerMillion, String outputPerMillion, String cacheReadPerMillion,
                           String cacheWritePerMillion) {
        return new Price(new BigDecimal(inputPerMillion), new BigDecimal(outputPerMillion),
                new BigDecimal(cacheReadPerMillion), new BigDecimal(cacheWritePerMillion));
    }

    /** The exact cost of this usage, in decimal: no floating-point drift. */
    public BigDecimal costOf(Usage usage) {
        return inputPerMillion.multiply(BigDecimal.valueOf(usage.uncachedPromptTokens()))
                .add(cacheReadPerMillion.multiply(BigDecimal.valueOf(usage.cacheReadTokens())))
                .add(cacheWritePerMillion.multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.completionTokens())))
                .divide(MILLION, SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
