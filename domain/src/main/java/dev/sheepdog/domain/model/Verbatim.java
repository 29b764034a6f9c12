package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/**
 * Bytes exactly as one side sent them (as UTF-8 text), tagged with their wire format, so that an
 * adapter speaking that same format can pass them on unchanged, vendor fields and all.
 */
public record Verbatim(WireFormat format, String text) {

    public Verbatim {
        requireNonNull(format, "format");
        requireNonNull(text, "text");
    }

    /** Whether these bytes are in {@code other} format, so that its adapter may send them as they are. */
    public boolean in(WireFormat other) {
        return format.equals(other);
    }

    @Override
    public String toString() {
        return format + ": " + text;
    }
}
