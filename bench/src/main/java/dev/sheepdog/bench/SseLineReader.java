package dev.sheepdog.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits an event-stream body into lines as the bytes arrive: CR, LF and CRLF end a line (also when the CR and
 * the LF come in different reads), each line is decoded as UTF-8 once it is whole (so a character split across
 * reads arrives intact), and one leading BOM is dropped. It never waits for more bytes than the line needs.
 */
final class SseLineReader {

    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private boolean afterCr;
    private boolean firstLine = true;
    private boolean ended;

    SseLineReader(InputStream in) {
        this.in = in;
    }

    /** The next whole line without its ending, or null at the end of the body (an unterminated last line is dropped). */
    String readLine() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return null;
            }
            if (afterCr) {
                afterCr = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int end = position;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            append(position, end);
            if (end == limit) {
                position = limit;
                continue;
            }
            afterCr = buffer[end] == '\r';
            position = end + 1;
            return take();
        }
    }

    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int read;
        do {
            read = in.read(buffer);
        } while (read == 0);
        if (read < 0) {
            ended = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private void append(int from, int to) throws IOException {
        int count = to - from;
        if (length + count > MAX_LINE_BYTES) {
            throw new IOException("an event-stream line is longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    private String take() {
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        length = 0;
        if (firstLine) {
            firstLine = false;
            if (text.startsWith("\uFEFF")) {
                return text.substring(1);
            }
        }
        return text;
    }
}
