package dev.sheepdog.adapter.out.simulator;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.Role;
import java.util.Optional;

/**
 * The events of one simulated answer, by position. A stream is one chunk per token (the first one
 * also starting the assistant's message), the finish chunk, the usage and the end. A non-streaming
 * answer is the same in one chunk, once its last token is due: the client's adapter writes it whole.
 */
final class SimulatedEvents {

    private static final Delta START = new Delta.Start(Role.ASSISTANT);

    private final SimulatedAnswer answer;
    private final boolean streaming;
    private final SimulatorFaults faults;
    private final int lastToken;

    SimulatedEvents(SimulatedAnswer answer, boolean streaming, SimulatorFaults faults) {
        this.answer = answer;
        this.streaming = streaming;
        this.faults = faults;
        this.lastToken = answer.tokens().size() - 1;
    }

    /** Whether the stream goes silent at this position: a hang before the first token, or a stall after some. */
    boolean silentAt(int position) {
        return faults.hangBeforeFirstToken()
                || (streaming && faults.stallAfterTokens().isPresent() && position >= faults.stallAfterTokens().getAsInt());
    }

    /** Which token's moment the event at this position waits for. */
    int tokenIndexAt(int position) {
        return streaming ? Math.min(position, lastToken) : lastToken;
    }

    CompletionEvent at(int position) {
        return streaming ? streamingEventAt(position) : wholeEventAt(position);
    }

    private CompletionEvent streamingEventAt(int position) {
        Optional<CompletionEvent> fault = SimulatedFailures.after(faults, position);
        if (fault.isPresent()) {
            return fault.get();
        }
        int tokens = answer.tokens().size();
        if (position < tokens) {
            Delta text = new Delta.Text(answer.tokens().get(position));
            return position == 0 ? Chunk.of(START, text) : Chunk.of(text);
        }
        return switch (position - tokens) {
            case 0 -> Chunk.of(new Delta.Finish(answer.finishReason()));
            case 1 -> UsageReport.of(answer.usage());
            default -> new End();
        };
    }

    private CompletionEvent wholeEventAt(int position) {
        return switch (position) {
            case 0 -> Chunk.of(START, new Delta.Text(answer.text()), new Delta.Finish(answer.finishReason()));
            case 1 -> UsageReport.of(answer.usage());
            default -> new End();
        };
    }
}
