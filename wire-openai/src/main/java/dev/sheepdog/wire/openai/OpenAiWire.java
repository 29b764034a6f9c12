package dev.sheepdog.wire.openai;

import dev.sheepdog.domain.model.WireFormat;

/** The names of OpenAI's chat-completions formats, as they tag verbatim bytes the gateway passes on. */
public final class OpenAiWire {

    /** A {@code POST /v1/chat/completions} request body. */
    public static final WireFormat REQUEST = new WireFormat("openai.chat.request");
    /** One {@code chat.completion.chunk} of a streamed answer (the JSON of one SSE {@code data:} line). */
    public static final WireFormat CHUNK = new WireFormat("openai.chat.chunk");
    /** A whole {@code chat.completion}, the answer to a request with {@code "stream": false}. */
    public static final WireFormat COMPLETION = new WireFormat("openai.chat.completion");

    private OpenAiWire() {
    }
}
