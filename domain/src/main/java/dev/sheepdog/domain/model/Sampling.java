package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How the answer is drawn: temperature, nucleus sampling, the most tokens it may have, the
 * sequences that end it, and the seed that makes a provider's sampling repeatable where it
 * supports one. Empty means the provider's default.
 */
public record Sampling(OptionalDouble temperature, OptionalDouble topP, OptionalInt maxTokens, List<String> stop,
                       OptionalLong seed) {

    public static final Sampling DEFAULT =
            new Sampling(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), List.of());

    public Sampling {
        requireNonNull(temperature, "temperature");
        requireNonNull(topP, "topP");
        requireNonNull(maxTokens, "maxTokens");
        if (maxTokens.isPresent() && maxTokens.getAsInt() < 1) {
            throw new IllegalArgumentException("max tokens must be at least 1: " + maxTokens.getAsInt());
        }
        stop = List.copyOf(stop);
        requireNonNull(seed, "seed");
    }

    /** Sampling without a seed. */
    public Sampling(OptionalDouble temperature, OptionalDouble topP, OptionalInt maxTokens, List<String> stop) {
        this(temperature, topP, maxTokens, stop, OptionalLong.empty());
    }
}
