package dev.sheepdog.adapter.out.simulator;

import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Usage;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/** What the simulated model will say to a request: its tokens, why it stops, and what it costs in tokens. */
record SimulatedAnswer(List<String> tokens, FinishReason finishReason, Usage usage) {

    /** Long enough for a few hundred characters: two paragraphs and the tips. */
    private static final int NATURAL_MIN_TOKENS = 120;

    SimulatedAnswer {
        tokens = Collections.unmodifiableList(tokens);
    }

    static SimulatedAnswer plan(CompletionRequest request, String seed, SimulatorSettings settings) {
        int wanted = settings.tokensPerAnswer().orElse(NATURAL_MIN_TOKENS);
        List<String> tokens = Tokens.split(AnswerWriter.write(request, seed, wanted));
        if (settings.tokensPerAnswer().isPresent()) {
            tokens = tokens.subList(0, wanted);
        }
        FinishReason finishReason = FinishReason.STOP;
        OptionalInt maxTokens = request.sampling().maxTokens();
        if (maxTokens.isPresent() && maxTokens.getAsInt() < tokens.size()) {
            tokens = tokens.subList(0, maxTokens.getAsInt());
            finishReason = FinishReason.LENGTH;
        }
        Usage usage = Usage.reported(Tokens.count(request.promptText()), tokens.size());
        return new SimulatedAnswer(tokens, finishReason, usage);
    }

    String text() {
        return String.join("", tokens);
    }
}
