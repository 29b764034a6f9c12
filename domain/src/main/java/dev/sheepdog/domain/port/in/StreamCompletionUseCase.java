package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.CallerId;
import dev.sheepdog.domain.model.CompletionRequest;
import dev.sheepdog.domain.model.CompletionStream;

/** Stream one chat completion for a caller. Failures arrive as the stream's events, never as exceptions. */
public interface StreamCompletionUseCase {

    CompletionStream stream(CompletionRequest request, CallerId caller);
}
