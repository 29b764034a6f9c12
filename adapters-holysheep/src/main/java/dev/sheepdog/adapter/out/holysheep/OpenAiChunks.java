package dev.sheepdog.adapter.out.holysheep;

import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.providers.SseEventInterpreter;
import dev.sheepdog.support.sse.SseEvent;
import dev.sheepdog.wire.openai.ChunkReader;
import java.util.List;
import java.util.Optional;

/** OpenAI's chunk reader as the interpreter of a streamed body: the wire format knows nothing of the transport. */
final class OpenAiChunks implements SseEventInterpreter {

    private final ChunkReader reader = new ChunkReader();

    @Override
    public List<CompletionEvent> interpret(SseEvent event) {
        return reader.interpret(event);
    }

    @Override
    public Optional<CompletionEvent> endOfBody(boolean unterminatedTail) {
        return reader.endOfBody(unterminatedTail);
    }
}
