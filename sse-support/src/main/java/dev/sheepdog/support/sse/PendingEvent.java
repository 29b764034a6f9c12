package dev.sheepdog.support.sse;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

/** The fields of the event being read, until a blank line dispatches it. */
final class PendingEvent {

    private static final byte[] DATA = "data".getBytes(US_ASCII);
    private static final byte[] EVENT = "event".getBytes(US_ASCII);

    private final int maxDataBytes;
    private String type = "";
    private String firstData;
    private StringBuilder joinedData;
    private long dataBytes;
    private boolean pending;

    PendingEvent(int maxDataBytes) {
        this.maxDataBytes = maxDataBytes;
    }

    /** Applies one {@code name:value} line (a line without a colon is a name with an empty value). */
    void field(byte[] line, int from, int length) {
        pending = true;
        int end = from + length;
        int colon = indexOfColon(line, from, end);
        int nameEnd = colon < 0 ? end : colon;
        int valueStart = colon < 0 ? end : colon + 1;
        if (valueStart < end && line[valueStart] == ' ') {
            valueStart++; // exactly one space after the colon is not part of the value
        }
        if (named(line, from, nameEnd, DATA)) {
            appendData(line, valueStart, end - valueStart);
        } else if (named(line, from, nameEnd, EVENT)) {
            type = utf8(line, valueStart, end - valueStart);
        }
        // id and retry only serve reconnection, which the gateway never does; unknown fields are ignored
    }

    /** The completed event, or null when it had no data line (the spec dispatches nothing then). */
    SseEvent dispatch() {
        SseEvent event = firstData == null
                ? null
                : new SseEvent(type.isEmpty() ? SseEvent.DEFAULT_TYPE : type, data());
        reset();
        return event;
    }

    /** Whether any field arrived since the last blank line. */
    boolean pending() {
        return pending;
    }

    void reset() {
        type = "";
        firstData = null;
        if (joinedData != null) {
            joinedData.setLength(0);
        }
        dataBytes = 0;
        pending = false;
    }

    private void appendData(byte[] line, int from, int count) {
        dataBytes += firstData == null ? count : count + 1L;
        if (dataBytes > maxDataBytes) {
            throw new SseLimitExceededException("an event's data", maxDataBytes);
        }
        String value = utf8(line, from, count);
        if (firstData == null) {
            firstData = value;
            return;
        }
        if (joinedData == null) {
            joinedData = new StringBuilder();
        }
        if (joinedData.isEmpty()) {
            joinedData.append(firstData);
        }
        joinedData.append('\n').append(value);
    }

    private String data() {
        return joinedData == null || joinedData.isEmpty() ? firstData : joinedData.toString();
    }

    private static int indexOfColon(byte[] line, int from, int end) {
        for (int i = from; i < end; i++) {
            if (line[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private static boolean named(byte[] line, int from, int nameEnd, byte[] name) {
        if (nameEnd - from != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (line[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    // Malformed UTF-8 becomes U+FFFD; a complete line never ends inside a multi-byte character.
    private static String utf8(byte[] bytes, int from, int count) {
        return count == 0 ? "" : new String(bytes, from, count, UTF_8);
    }
}
