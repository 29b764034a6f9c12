package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;
import dev.sheepdog.domain.model.caller.Caller;
import java.util.Optional;

/**
 * Stream one chat completion for an identified caller, within its plan. Failures, a refusal by
 * the caller's limits included, arrive as the stream's events, never as exceptions.
 */
public interface StreamCompletionUseCase {

    /**
     * @param endUser who the caller says the text is for (a request's {@code user}), which keeps one
     *                end user on one side of a canary within the caller; never an identity of its own
     */
    CompletionStream stream(CompletionRequest request, Caller caller, Optional<String> endUser);
}
