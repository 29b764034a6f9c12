package dev.sheepdog.bench;

import static java.util.Objects.requireNonNull;

/** One dispatched server-sent event: its type ({@code message} unless an {@code event:} line said so) and data. */
record SseEvent(String type, String data) {

    SseEvent {
        requireNonNull(type, "type");
        requireNonNull(data, "data");
    }

    boolean isError() {
        return "error".equals(type);
    }
}
