package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.Usage;
import dev.sheepdog.domain.model.Verbatim;
import dev.sheepdog.wire.openai.OpenAiWire;
import java.util.List;
import java.util.Optional;

/** Completion events as a provider adapter hands them to the domain, for scripting the fake use case. */
final class Events {

    private Events() {
    }

    /**
     * A chunk of an OpenAI-format provider, with its bytes to forward. Its deltas do not matter here:
     * the inbound adapter sends an OpenAI client the bytes, and nothing else.
     */
    static Chunk chunk(String json) {
        return new Chunk(List.of(), Optional.of(new Verbatim(OpenAiWire.CHUNK, json)));
    }

    /** A chunk of a provider of another format: only its deltas. */
    static Chunk neutral(Delta... deltas) {
        return Chunk.of(deltas);
    }

    /** An OpenAI-format provider's whole {@code chat.completion}, the answer to {@code "stream": false}. */
    static Chunk completion(String json) {
        return new Chunk(List.of(), Optional.of(new Verbatim(OpenAiWire.COMPLETION, json)));
    }

    /** Usage that came in a chunk of its own (OpenAI's {@code choices: []} chunk). */
    static UsageReport usageOnlyChunk(String json) {
        return new UsageReport(Usage.reported(9, 12), Optional.of(new Verbatim(OpenAiWire.CHUNK, json)));
    }

    /** Usage that rode on a content chunk (DeepSeek), or came from a provider of another format: nothing to forward. */
    static UsageReport usageOnContentChunk() {
        return UsageReport.of(Usage.reported(9, 12));
    }

    static End end() {
        return new End();
    }

    static Failed failed(FailureKind kind, String message) {
        return new Failed(CompletionFailure.of(kind, message));
    }

    static Failed failed(CompletionFailure failure) {
        return new Failed(failure);
    }
}
