package dev.sheepdog.adapter.out.holysheep.sse;

import dev.sheepdog.support.sse.SseEvent;
import dev.sheepdog.adapter.out.holysheep.fixtures.StreamReconstruction;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.FailureKind;
import dev.sheepdog.wire.openai.ChunkReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoded stream run through {@link ChunkReader}: the domain events, and the chunk payloads
 * an OpenAI client would have been forwarded (each Chunk's original JSON, each usage-only chunk, and the chunk
 * that carried an upstream error, so its error object can be compared).
 */
record InterpretedStream(DecodedStream decoded, List<CompletionEvent> events, List<String> payloads) {

    static InterpretedStream of(DecodedStream decoded) {
        ChunkReader interpreter = new ChunkReader();
        List<CompletionEvent> events = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (SseEvent sse : decoded.events()) {
            List<CompletionEvent> produced = interpreter.interpret(sse);
            for (CompletionEvent event : produced) {
                switch (event) {
                    case Chunk chunk -> chunk.original().ifPresent(original -> payloads.add(original.text()));
                    case UsageReport usage -> usage.original().ifPresent(original -> payloads.add(original.text()));
                    case Failed failed when failed.failure().kind() == FailureKind.UPSTREAM_ERROR ->
                            payloads.add(sse.data());
                    default -> { }
                }
            }
            events.addAll(produced);
        }
        interpreter.endOfBody(decoded.unterminatedTail()).ifPresent(events::add);
        return new InterpretedStream(decoded, List.copyOf(events), List.copyOf(payloads));
    }

    StreamReconstruction reconstruction() {
        return StreamReconstruction.of(payloads, decoded.doneDispatched(), List.of());
    }
}
