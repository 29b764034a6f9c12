package dev.sheepdog.adapter.out.holysheep.sse;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a client in another format would rebuild from the neutral deltas alone (never the attached
 * originals): the text, the reasoning, the tool calls and the finish reason.
 */
record NeutralReconstruction(String content, String reasoning, List<Call> toolCalls, Optional<FinishReason> finish) {

    /** One tool call merged from its pieces: the first id and name seen, every argument fragment. */
    record Call(String id, String name, String arguments) {
    }

    static NeutralReconstruction of(List<CompletionEvent> events) {
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        TreeMap<Integer, String[]> calls = new TreeMap<>();
        Optional<FinishReason> finish = Optional.empty();
        for (CompletionEvent event : events) {
            if (!(event instanceof CompletionEvent.Chunk chunk)) {
                continue;
            }
            for (Delta delta : chunk.deltas()) {
                switch (delta) {
                    case Delta.Text text -> content.append(text.text());
                    case Delta.Reasoning thought -> reasoning.append(thought.text());
                    case Delta.ToolCall piece -> {
                        String[] call = calls.computeIfAbsent(piece.index(), index -> new String[] {null, null, ""});
                        call[0] = call[0] == null ? piece.id().orElse(null) : call[0];
                        call[1] = call[1] == null ? piece.name().orElse(null) : call[1];
                        call[2] += piece.arguments();
                    }
                    case Delta.Finish end -> finish = Optional.of(end.reason());
                    case Delta.Start start -> { }
                }
            }
        }
        List<Call> toolCalls = calls.values().stream().map(call -> new Call(call[0], call[1], call[2])).toList();
        return new NeutralReconstruction(content.toString(), reasoning.toString(), toolCalls, finish);
    }
}
