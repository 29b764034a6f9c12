package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.model.CompletionEvent.Chunk;
import dev.sheepdog.domain.model.CompletionEvent.UsageReport;
import dev.sheepdog.domain.model.Verbatim;
import dev.sheepdog.wire.openai.ChunkWriter;
import dev.sheepdog.wire.openai.OpenAiWire;
import java.util.Optional;

/**
 * One stream's events as the {@code data:} payloads an OpenAI client reads: a provider's own OpenAI
 * chunk byte for byte, anything else written by a {@link ChunkWriter} (made only when first needed,
 * so a stream from an OpenAI-format provider costs nothing more).
 */
final class OpenAiChunks {

    private final String model;
    private ChunkWriter writer;
    private boolean verbatimSent;

    /** @param model the model the client asked for, which rendered chunks name */
    OpenAiChunks(String model) {
        this.model = model;
    }

    /** The chunk's payload, or empty when it says nothing a client would see. */
    Optional<String> of(Chunk chunk) {
        if (chunk.original().isPresent() && chunk.original().get().in(OpenAiWire.CHUNK)) {
            verbatimSent = true;
            return Optional.of(chunk.original().get().text());
        }
        return writer().chunk(chunk.deltas());
    }

    /** The usage chunk for a client that asked for usage, or empty when it already had the usage or never will. */
    Optional<String> of(UsageReport usage) {
        Optional<Verbatim> original = usage.original();
        if (original.isPresent() && original.get().in(OpenAiWire.CHUNK)) {
            return Optional.of(original.get().text());
        }
        // An OpenAI-format provider that sent no usage chunk of its own put the usage on a chunk the
        // client already has (DeepSeek does, on its last one): a second copy would be news to no one.
        return verbatimSent ? Optional.empty() : Optional.of(writer().usage(usage.usage()));
    }

    private ChunkWriter writer() {
        if (writer == null) {
            writer = ChunkWriter.startingNow(model);
        }
        return writer;
    }
}
