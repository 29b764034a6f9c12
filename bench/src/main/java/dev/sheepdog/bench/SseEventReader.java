package dev.sheepdog.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Assembles lines into events by the WHATWG event-stream rules: {@code data:} lines (with or without the space)
 * joined by newlines, the {@code event:} type kept, comments ({@code : ping}) and other fields ignored, an event
 * dispatched at its blank line, and an unterminated last event dropped.
 */
final class SseEventReader {

    private final SseLineReader lines;

    SseEventReader(InputStream in) {
        this.lines = new SseLineReader(in);
    }

    /** The next event, or empty at the end of the body. */
    Optional<SseEvent> next() throws IOException {
        String type = "message";
        StringBuilder data = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new SseEvent(type, data.toString()));
                }
                type = "message";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (field.equals("event")) {
                type = value.isEmpty() ? "message" : value;
            }
        }
        return Optional.empty();
    }
}
