package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a model costs, in US dollars per million input (prompt) and output (completion) tokens. */
public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** Enough digits that summing many small streams never drifts: a millionth of a cent. */
    private static final int SCALE = 12;

    public Price {
        requireNonNull(inputPerMillion, "inputPerMillion");
        requireNonNull(outputPerMillion, "outputPerMillion");
        if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
            throw new IllegalArgumentException("a price cannot be negative");
        }
    }

    public static Price of(String inputPerMillion, String outputPerMillion) {
        return new Price(new BigDecimal(inputPerMillion), new BigDecimal(outputPerMillion));
    }

    /** The exact cost of this usage, in decimal: no floating-point drift. */
    public BigDecimal costOf(Usage usage) {
        return inputPerMillion.multiply(BigDecimal.valueOf(usage.promptTokens()))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.completionTokens())))
                .divide(MILLION, SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
