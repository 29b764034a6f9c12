package dev.sheepdog.adapter.out.anthropic;

import dev.sheepdog.domain.model.ReasoningEffort;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a reasoning effort becomes Anthropic's extended thinking: a token budget (low 1024, the API's
 * minimum; medium 4096; high 16384; minimal means no thinking), and a {@code max_tokens} that leaves
 * room for it, since the API counts thinking within {@code max_tokens} and requires it to be larger.
 */
final class ThinkingBudget {

    static final int LOW = 1024;
    static final int MEDIUM = 4096;
    static final int HIGH = 16_384;

    private ThinkingBudget() {
    }

    /** The thinking budget for the effort, or empty when the request should not think. */
    static OptionalInt of(Optional<ReasoningEffort> effort) {
        if (effort.isEmpty()) {
            return OptionalInt.empty();
        }
        return switch (effort.get()) {
            case MINIMAL -> OptionalInt.empty();
            case LOW -> OptionalInt.of(LOW);
            case MEDIUM -> OptionalInt.of(MEDIUM);
            case HIGH -> OptionalInt.of(HIGH);
        };
    }

    /**
     * The {@code max_tokens} to send: the answer's allowance as it is when it already exceeds the
     * budget (an OpenAI client's limit counts reasoning too), else the budget plus that allowance.
     */
    static int maxTokens(int allowance, OptionalInt budget) {
        if (budget.isEmpty() || allowance > budget.getAsInt()) {
            return allowance;
        }
        return budget.getAsInt() + allowance;
    }
}
