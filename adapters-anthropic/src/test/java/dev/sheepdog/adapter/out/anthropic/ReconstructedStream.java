package dev.sheepdog.adapter.out.anthropic;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.Delta;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a client makes of neutral events: text, reasoning, signatures, tool calls, finish, usage, failure. */
record ReconstructedStream(String content, String reasoning, String signature, List<Call> toolCalls,
                           List<FinishReason> finishes, Optional<Usage> usage, Optional<Failed> failure) {

    record Call(String id, String name, String arguments) {
    }

    static ReconstructedStream of(List<CompletionEvent> events) {
        StringBuilder content = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        StringBuilder signature = new StringBuilder();
        List<String[]> calls = new ArrayList<>();
        List<FinishReason> finishes = new ArrayList<>();
        Optional<Usage> usage = Optional.empty();
        Optional<Failed> failure = Optional.empty();
        for (CompletionEvent event : events) {
            switch (event) {
                case Chunk chunk -> {
                    for (Delta delta : chunk.deltas()) {
                        switch (delta) {
                            case Delta.Text text -> content.append(text.text());
                            case Delta.Reasoning thought -> {
                                reasoning.append(thought.text());
                                thought.signature().ifPresent(signature::append);
                            }
                            case Delta.ToolCall call -> {
                                if (call.index() == calls.size()) {
                                    calls.add(new String[] {"", "", ""});
                                }
                                String[] known = calls.get(call.index());
                                call.id().ifPresent(id -> known[0] = id);
                                call.name().ifPresent(name -> known[1] = name);
                                known[2] += call.arguments();
                            }
                            case Delta.Finish finish -> finishes.add(finish.reason());
                            case Delta.Start start -> { }
                        }
                    }
                }
                case UsageReport report -> usage = Optional.of(report.usage());
                case Failed failed -> failure = Optional.of(failed);
                case CompletionEvent.End end -> { }
            }
        }
        return new ReconstructedStream(content.toString(), reasoning.toString(), signature.toString(),
                calls.stream().map(c -> new Call(c[0], c[1], c[2])).toList(), finishes, usage, failure);
    }
}
