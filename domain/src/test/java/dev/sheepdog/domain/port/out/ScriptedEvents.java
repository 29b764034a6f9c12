package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.JsonText;
import dev.sheepdog.domain.model.RawJson;
import dev.sheepdog.domain.model.Usage;
import java.util.Optional;

/** The events a scripted stream hands out, each with OpenAI-shaped chunk JSON. */
public final class ScriptedEvents {

    private static final String HEADER =
            "{\"id\":\"chatcmpl-scripted\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"scripted\",";

    private ScriptedEvents() {
    }

    /** A chunk adding {@code text} to the answer. */
    public static Chunk chunk(String text) {
        return new Chunk(new RawJson(HEADER + "\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                + JsonText.quoted(text) + "},\"finish_reason\":null}]}"), text, Optional.empty());
    }

    /** The chunk that ends the answer, e.g. with {@code "stop"} or {@code "length"}. */
    public static Chunk finish(String finishReason) {
        return new Chunk(new RawJson(HEADER + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":"
                + JsonText.quoted(finishReason) + "}]}"), "", Optional.of(finishReason));
    }

    /** Reported usage, in a usage-only chunk as OpenAI sends it. */
    public static UsageReport usage(long promptTokens, long completionTokens) {
        Usage usage = Usage.reported(promptTokens, completionTokens);
        return new UsageReport(usage, Optional.of(new RawJson(HEADER + "\"choices\":[],\"usage\":{\"prompt_tokens\":"
                + promptTokens + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":"
                + usage.totalTokens() + "}}")));
    }

    public static End end() {
        return new End();
    }

    public static Failed failed(FailureKind kind) {
        return new Failed(CompletionFailure.of(kind, "scripted failure: " + kind));
    }

    public static Failed failed(CompletionFailure failure) {
        return new Failed(failure);
    }

    /** Whether the event is a failure of that kind: handy in {@code assertThat(...).matches(...)}. */
    public static boolean isFailure(CompletionEvent event, FailureKind kind) {
        return event instanceof Failed failed && failed.failure().kind() == kind;
    }
}
