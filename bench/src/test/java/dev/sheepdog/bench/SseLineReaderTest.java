package dev.sheepdog.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseLineReaderTest {

    @Test
    void endsLinesAtLfCrAndCrlfAlike() throws IOException {
        assertThat(lines(bytes("a\nb\rc\r\nd\n"))).containsExactly("a", "b", "c", "d");
    }

    @Test
    void keepsEmptyLinesBecauseTheyEndEvents() throws IOException {
        assertThat(lines(bytes("data: x\r\n\r\ndata: y\n\n"))).containsExactly("data: x", "", "data: y", "");
    }

    @Test
    void readsTheSameLinesHoweverTheBytesAreSplit() throws IOException {
        // CRLF split between reads, and "ữ" (3 bytes in UTF-8) and an emoji (4) split in the middle.
        byte[] body = bytes("data: chữ 😄\r\n\r\n: ping\r\ndata: [DONE]\r\n\r\n");
        List<String> whole = lines(body);

        for (int offset = 0; offset <= body.length; offset++) {
            assertThat(lines(split(body, offset))).as("split at byte %d", offset).isEqualTo(whole);
        }
        assertThat(whole).containsExactly("data: chữ 😄", "", ": ping", "data: [DONE]", "");
    }

    @Test
    void readsTheSameLinesWhenEveryByteComesAlone() throws IOException {
        byte[] body = bytes("a\r\nbé\rc\n");

        assertThat(lines(new OneByteAtATime(body))).containsExactly("a", "bé", "c");
    }

    @Test
    void returnsALineAsSoonAsItsEndArrivesWithoutWaitingForMore() throws IOException {
        // After the CR the next read would fail: the reader must not need it to hand out the line.
        InputStream stalled = new SequenceInputStream(new ByteArrayInputStream(bytes("data: first\r")),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("the next byte has not arrived");
                    }
                });

        assertThat(new SseLineReader(stalled).readLine()).isEqualTo("data: first");
    }

    @Test
    void dropsOneLeadingByteOrderMark() throws IOException {
        assertThat(lines(bytes("\uFEFFdata: x\n\uFEFFy\n"))).containsExactly("data: x", "\uFEFFy");
    }

    @Test
    void dropsAnUnterminatedLastLine() throws IOException {
        assertThat(lines(bytes("data: x\n\ndata: [DO"))).containsExactly("data: x", "");
    }

    @Test
    void refusesALineLongerThanTheCap() {
        byte[] huge = new byte[SseLineReader.MAX_LINE_BYTES + 1];
        Arrays.fill(huge, (byte) 'x');

        assertThatThrownBy(() -> new SseLineReader(new ByteArrayInputStream(huge)).readLine())
                .isInstanceOf(IOException.class).hasMessageContaining("longer than");
    }

    static List<String> lines(byte[] body) throws IOException {
        return lines(new ByteArrayInputStream(body));
    }

    static List<String> lines(InputStream in) throws IOException {
        SseLineReader reader = new SseLineReader(in);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    /** The body as two reads, the first ending just before {@code offset}. */
    static InputStream split(byte[] body, int offset) {
        return new SequenceInputStream(new ByteArrayInputStream(body, 0, offset),
                new ByteArrayInputStream(body, offset, body.length - offset));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    /** Hands out a single byte per read, the worst a network can do. */
    static final class OneByteAtATime extends InputStream {
        private final ByteArrayInputStream bytes;

        OneByteAtATime(byte[] body) {
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return length == 0 ? 0 : bytes.read(buffer, offset, 1);
        }
    }
}
