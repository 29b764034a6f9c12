package dev.sheepdog.support.sse;

import static java.util.Objects.requireNonNull;

/**
 * One dispatched Server-Sent Event: its type ({@code event:} field, {@code "message"} by default)
 * and its data lines joined with {@code "\n"}.
 */
public record SseEvent(String type, String data) {

    /** The type an event has when the stream sent no {@code event:} field. */
    public static final String DEFAULT_TYPE = "message";

    public SseEvent {
        requireNonNull(type, "type");
        requireNonNull(data, "data");
    }

    public static SseEvent message(String data) {
        return new SseEvent(DEFAULT_TYPE, data);
    }
}
