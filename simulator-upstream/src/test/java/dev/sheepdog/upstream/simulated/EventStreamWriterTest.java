package dev.sheepdog.upstream.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event writer's UTF-8 encoding, done in a reused buffer, gives the bytes the JDK would. */
class EventStreamWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ASCII {\"a\":1}", "Dưới đây là bản nháp “cà phê”…", "中文 and emoji 🐑🐕",
        "ünïcödé ß", "\u0000\u007f\u0080\u07ff\u0800\uffff"})
    void encodesTextAsTheJdkDoes(String text) {
        assertThat(encoded(text, 3)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void replacesALoneSurrogateAsTheJdkDoes() {
        String text = "a\ud83db\udc11c\ud83d";

        assertThat(encoded(text, 0)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] encoded(String text, int offset) {
        byte[] out = new byte[offset + text.length() * 3];
        int end = EventStreamWriter.encode(text, out, offset);
        return Arrays.copyOfRange(out, offset, end);
    }
}
