package dev.sheepdog.wire.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.sheepdog.domain.model.FinishReason;
import dev.sheepdog.domain.model.Usage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** What the chunk and completion writers share: the generator, OpenAI's finish reasons and its usage object. */
final class RenderedJson {

    // Jackson recycles its buffers per thread by default, and each stream runs on its own virtual
    // thread: every open stream would hold a few kilobytes of them.
    private static final JsonFactory FACTORY =
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
    private static final CharacterEscapes SURROGATES_ESCAPED = new SurrogatesEscaped();

    /** Writes one JSON value with {@code body}. */
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private RenderedJson() {
    }

    static String write(int sizeHint, Body body) {
        StringWriter text = new StringWriter(sizeHint);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.setCharacterEscapes(SURROGATES_ESCAPED);
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON into memory", e);
        }
        return text.toString();
    }

    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP, OTHER -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
        };
    }

    /**
     * OpenAI's usage object. {@code prompt_tokens} counts every input token, cached or not, and
     * {@code cached_tokens} the ones read from the cache, as OpenAI means them. OpenAI has no name
     * for tokens written to a cache, so they go under Anthropic's own, {@code cache_creation_input_tokens}
     * (what LiteLLM and the recorded streams' SOURCES.md use), and only when there were some.
     */
    static void usage(JsonGenerator json, Usage usage) throws IOException {
        json.writeObjectFieldStart("usage");
        json.writeNumberField("prompt_tokens", usage.promptTokens());
        json.writeNumberField("completion_tokens", usage.completionTokens());
        json.writeNumberField("total_tokens", usage.totalTokens());
        json.writeObjectFieldStart("prompt_tokens_details");
        json.writeNumberField("cached_tokens", usage.cacheReadTokens());
        json.writeEndObject();
        json.writeObjectFieldStart("completion_tokens_details");
        json.writeNumberField("reasoning_tokens", usage.reasoningTokens());
        json.writeEndObject();
        if (usage.cacheWriteTokens() > 0) {
            json.writeNumberField("cache_creation_input_tokens", usage.cacheWriteTokens());
        }
        json.writeEndObject();
    }

    /**
     * A provider may split a character's UTF-16 pair between two deltas. Written raw, a lone half
     * cannot be encoded in UTF-8 and is lost; escaped as {@code \ud83d} it is valid JSON, and the
     * client's joined text has the whole character again. Paired halves are escaped too: the
     * generator sees one char at a time.
     */
    private static final class SurrogatesEscaped extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Character.isSurrogate((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
