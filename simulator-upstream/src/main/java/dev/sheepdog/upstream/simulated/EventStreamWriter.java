package dev.sheepdog.upstream.simulated;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@code text/event-stream} response. Each event is framed into one reused buffer and
 * written with one write and one flush, so it leaves as one HTTP chunk the moment it is due.
 */
final class EventStreamWriter {

    private static final byte[] DATA = ascii("data: ");
    private static final byte[] END_OF_EVENT = ascii("\n\n");
    private static final byte[] ERROR_EVENT = ascii("event: error\ndata: ");
    private static final byte[] KEEP_ALIVE = ascii(": keep-alive\n\n");
    private static final byte[] DONE = ascii("data: [DONE]\n\n");
    // The start of a chunk that is never finished: what a provider's broken serializer sends.
    private static final byte[] MALFORMED = ascii("data: {\"choices\": [tru\n\n");

    private final OutputStream out;
    // Room for a chunk with 3 bytes a char, so a stream of ordinary chunks never grows it.
    private byte[] frame = new byte[1024];

    private EventStreamWriter(OutputStream out) {
        this.out = out;
    }

    /** Sends the 200 headers at once, as a real provider does when it accepts a streaming request. */
    static EventStreamWriter open(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.flush(); // the server buffers the headers until the first flush
        return new EventStreamWriter(out);
    }

    void data(String json) throws IOException {
        event(DATA, json);
    }

    void error(String json) throws IOException {
        event(ERROR_EVENT, json);
    }

    void keepAlive() throws IOException {
        send(KEEP_ALIVE, KEEP_ALIVE.length);
    }

    void done() throws IOException {
        send(DONE, DONE.length);
    }

    void malformed() throws IOException {
        send(MALFORMED, MALFORMED.length);
    }

    /** Ends the body cleanly: the last chunk of the chunked encoding. */
    void close() throws IOException {
        out.close();
    }

    private void event(byte[] prefix, String json) throws IOException {
        int longest = prefix.length + json.length() * 3 + END_OF_EVENT.length;
        if (frame.length < longest) {
            frame = new byte[Math.max(longest, frame.length * 2)];
        }
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        int length = encode(json, frame, prefix.length);
        System.arraycopy(END_OF_EVENT, 0, frame, length, END_OF_EVENT.length);
        send(frame, length + END_OF_EVENT.length);
    }

    /**
     * Writes {@code text} as UTF-8 into {@code out} from {@code at} (room for 3 bytes a char is
     * the caller's), returning where it ended. {@code String.getBytes} would allocate two arrays
     * per event for text that is not Latin-1, such as Vietnamese.
     */
    static int encode(String text, byte[] out, int at) {
        int end = at;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[end++] = (byte) c;
            } else if (c < 0x800) {
                out[end++] = (byte) (0xC0 | c >> 6);
                out[end++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[end++] = (byte) (0xF0 | codePoint >> 18);
                out[end++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[end++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[end++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[end++] = '?'; // a lone surrogate, replaced as String.getBytes does
            } else {
                out[end++] = (byte) (0xE0 | c >> 12);
                out[end++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[end++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return end;
    }

    private void send(byte[] bytes, int length) throws IOException {
        out.write(bytes, 0, length);
        out.flush();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
