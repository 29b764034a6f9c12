package dev.sheepdog.adapter.out.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * How the simulated model behaves.
 *
 * @param timeToFirstToken how long before the first token, like a real model's prompt processing
 * @param interTokenDelay  the pause between two tokens
 * @param models           the model ids it answers to
 * @param tokensPerAnswer  a fixed answer length in tokens, or empty for the answer's natural length
 * @param faults           failures to inject on purpose
 */
public record SimulatorSettings(
        Duration timeToFirstToken, Duration interTokenDelay, List<String> models, OptionalInt tokensPerAnswer,
        SimulatorFaults faults) {

    /** Like a real model: about 300 ms to the first token, then a token every 20 ms. */
    public static final SimulatorSettings DEFAULT = new SimulatorSettings(Duration.ofMillis(300), Duration.ofMillis(20),
            List.of("deepseek-v3.2", "gpt-4.1"), OptionalInt.empty(), SimulatorFaults.NONE);

    public SimulatorSettings {
        requireNonNull(timeToFirstToken, "timeToFirstToken");
        requireNonNull(interTokenDelay, "interTokenDelay");
        if (timeToFirstToken.isNegative() || interTokenDelay.isNegative()) {
            throw new IllegalArgumentException("simulated delays cannot be negative");
        }
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one model id");
        }
        requireNonNull(tokensPerAnswer, "tokensPerAnswer");
        if (tokensPerAnswer.isPresent() && tokensPerAnswer.getAsInt() < 1) {
            throw new IllegalArgumentException("tokens per answer must be at least 1");
        }
        requireNonNull(faults, "faults");
    }

    public SimulatorSettings withDelays(Duration firstToken, Duration betweenTokens) {
        return new SimulatorSettings(firstToken, betweenTokens, models, tokensPerAnswer, faults);
    }

    public SimulatorSettings withTokensPerAnswer(int tokens) {
        return new SimulatorSettings(timeToFirstToken, interTokenDelay, models, OptionalInt.of(tokens), faults);
    }

    public SimulatorSettings withFaults(SimulatorFaults injected) {
        return new SimulatorSettings(timeToFirstToken, interTokenDelay, models, tokensPerAnswer, injected);
    }
}
