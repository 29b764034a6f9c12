package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.domain.model.CompletionEvent;
import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.End;
import dev.sheepdog.domain.model.CompletionEvent.Failed;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.CompletionFailure;
import dev.sheepdog.domain.model.Verbatim;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a whole non-streaming {@code chat.completion} body: one chunk with the body attached, usage, end. */
public final class CompletionReader {

    private CompletionReader() {
    }

    /** The events of the answer, ending with an {@link End} or a {@link Failed}. */
    public static List<CompletionEvent> read(String body) {
        JsonNode completion = ProviderJson.parse(body);
        if (completion == null || !completion.isObject()) {
            return List.of(ChunkReader.malformed("completion is not a JSON object: ", body));
        }
        Optional<CompletionFailure> error = ErrorReader.in(completion);
        if (error.isPresent()) {
            return List.of(new Failed(error.get()));
        }
        JsonNode choice = completion.path("choices").path(0);
        List<CompletionEvent> events = new ArrayList<>(3);
        events.add(new Chunk(DeltaReader.deltas(choice.path("message"), choice),
                Optional.of(new Verbatim(OpenAiWire.COMPLETION, body))));
        UsageReader.usage(completion).ifPresent(usage -> events.add(UsageReport.of(usage)));
        events.add(new End());
        return events;
    }
}
