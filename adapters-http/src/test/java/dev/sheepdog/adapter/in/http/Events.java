package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Usage;
import java.util.Optional;

/** Completion events as a provider adapter hands them to the domain, for scripting the fake use case. */
final class Events {

    private Events() {
    }

    static Chunk chunk(String json) {
        return new Chunk(new RawJson(json), "", Optional.empty());
    }

    /** Usage that came in a chunk of its own (OpenAI's {@code choices: []} chunk). */
    static UsageReport usageOnlyChunk(String json) {
        return new UsageReport(Usage.reported(9, 12), Optional.of(new RawJson(json)));
    }

    /** Usage that rode on a content chunk (DeepSeek): nothing of its own to forward. */
    static UsageReport usageOnContentChunk() {
        return new UsageReport(Usage.reported(9, 12), Optional.empty());
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
