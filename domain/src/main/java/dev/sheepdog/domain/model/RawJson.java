package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/**
 * A piece of JSON the domain carries without reading it, so that what a client or provider sent
 * reaches the other side byte for byte (tool calls, reasoning, vendor fields).
 */
public record RawJson(String text) {

    public RawJson {
        requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("raw JSON must not be blank");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
