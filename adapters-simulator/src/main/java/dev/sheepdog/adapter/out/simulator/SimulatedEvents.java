package dev.sheepdog.adapter.out.simulator;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import java.util.Optional;

/**
 * The events of one simulated answer, by position. A stream is one chunk per token, the finish
 * chunk, the usage-only chunk and the end; a non-streaming answer is one whole completion.
 */
final class SimulatedEvents {

    private final SimulatedAnswer answer;
    private final ChunkJson json;
    private final boolean streaming;
    private final SimulatorFaults faults;
    private final int lastToken;

    SimulatedEvents(SimulatedAnswer answer, ChunkJson json, boolean streaming, SimulatorFaults faults) {
        this.answer = answer;
        this.json = json;
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
            String token = answer.tokens().get(position);
            return new Chunk(json.content(token, position == 0), token, Optional.empty());
        }
        return switch (position - tokens) {
            case 0 -> new Chunk(json.finish(answer.finishReason()), "", Optional.of(answer.finishReason()));
            case 1 -> new UsageReport(answer.usage(), Optional.of(json.usage(answer.usage())));
            default -> new End();
        };
    }

    private CompletionEvent wholeEventAt(int position) {
        return switch (position) {
            case 0 -> new Chunk(json.completion(answer.text(), answer.finishReason(), answer.usage()),
                    answer.text(), Optional.of(answer.finishReason()));
            case 1 -> new UsageReport(answer.usage(), Optional.empty());
            default -> new End();
        };
    }
}
