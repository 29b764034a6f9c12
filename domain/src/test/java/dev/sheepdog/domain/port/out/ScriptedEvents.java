package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.domain.model.JsonText;
import dev.sheepdog.domain.model.Usage;
import java.util.Locale;

/** The events a scripted stream hands out, as a provider adapter would hand them to the domain. */
public final class ScriptedEvents {

    private ScriptedEvents() {
    }

    /** A chunk adding {@code text} to the answer. */
    public static Chunk chunk(String text) {
        return Chunk.of(new Delta.Text(text));
    }

    /** The chunk that ends the answer, e.g. with {@code "stop"} or {@code "length"}. */
    public static Chunk finish(String finishReason) {
        return Chunk.of(new Delta.Finish(FinishReason.valueOf(finishReason.toUpperCase(Locale.ROOT))));
    }

    /** Reported usage. */
    public static UsageReport usage(long promptTokens, long completionTokens) {
        return UsageReport.of(Usage.reported(promptTokens, completionTokens));
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
