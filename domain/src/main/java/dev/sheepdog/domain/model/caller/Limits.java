package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What one caller may do and spend. An empty bound is no bound.
 *
 * @param requestsPerMinute  completions started per minute
 * @param tokensPerMinute    input plus output tokens per minute, counted as each stream ends
 * @param concurrentStreams  completions open at the same time
 * @param dailyUsd           dollars per UTC day, at the models' prices
 * @param monthlyUsd         dollars per UTC calendar month
 */
public record Limits(OptionalInt requestsPerMinute, OptionalLong tokensPerMinute, OptionalInt concurrentStreams,
                     Optional<BigDecimal> dailyUsd, Optional<BigDecimal> monthlyUsd) {

    /** No bound at all: the operator on loopback, or a plan that says nothing. */
    public static final Limits NONE = new Limits(OptionalInt.empty(), OptionalLong.empty(), OptionalInt.empty(),
            Optional.empty(), Optional.empty());

    public Limits {
        requireNonNull(requestsPerMinute, "requestsPerMinute");
        requireNonNull(tokensPerMinute, "tokensPerMinute");
        requireNonNull(concurrentStreams, "concurrentStreams");
        requireNonNull(dailyUsd, "dailyUsd");
        requireNonNull(monthlyUsd, "monthlyUsd");
        requestsPerMinute.ifPresent(value -> atLeastOne(value, "requests per minute"));
        tokensPerMinute.ifPresent(value -> atLeastOne(value, "tokens per minute"));
        concurrentStreams.ifPresent(value -> atLeastOne(value, "concurrent streams"));
        dailyUsd.ifPresent(value -> notNegative(value, "daily budget"));
        monthlyUsd.ifPresent(value -> notNegative(value, "monthly budget"));
    }

    /** These limits, with every bound that {@code overrides} sets taking the place of this one's. */
    public Limits overriddenBy(Limits overrides) {
        return new Limits(
                overrides.requestsPerMinute.isPresent() ? overrides.requestsPerMinute : requestsPerMinute,
                overrides.tokensPerMinute.isPresent() ? overrides.tokensPerMinute : tokensPerMinute,
                overrides.concurrentStreams.isPresent() ? overrides.concurrentStreams : concurrentStreams,
                overrides.dailyUsd.isPresent() ? overrides.dailyUsd : dailyUsd,
                overrides.monthlyUsd.isPresent() ? overrides.monthlyUsd : monthlyUsd);
    }

    /** In words, e.g. "30 requests a minute, 60000 tokens a minute, 4 streams at once, $1.00 a day". */
    @Override
    public String toString() {
        List<String> bounds = new ArrayList<>();
        requestsPerMinute.ifPresent(value -> bounds.add(value + " requests a minute"));
        tokensPerMinute.ifPresent(value -> bounds.add(value + " tokens a minute"));
        concurrentStreams.ifPresent(value -> bounds.add(value + " streams at once"));
        dailyUsd.ifPresent(value -> bounds.add("$" + value.toPlainString() + " a day"));
        monthlyUsd.ifPresent(value -> bounds.add("$" + value.toPlainString() + " a month"));
        return bounds.isEmpty() ? "no limits" : String.join(", ", bounds);
    }

    public boolean hasBudget() {
        return dailyUsd.isPresent() || monthlyUsd.isPresent();
    }

    private static void atLeastOne(long value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1: " + value);
        }
    }

    private static void notNegative(BigDecimal value, String what) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " cannot be negative: " + value.toPlainString());
        }
    }
}
