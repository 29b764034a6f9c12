package dev.sheepdog.adapter.out.holysheep.sse;

import dev.sheepdog.support.sse.SseDecoder;
import dev.sheepdog.support.sse.SseLimitExceededException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SseDecoderLimitsTest {

    private static final int MIB = 1 << 20;

    @Test
    void failsOnATwoMebibyteLineInOneFeedWithoutCopyingIt() {
        byte[] line = twoMebibyteLine();
        SseDecoder decoder = new SseDecoder();
        long allocatedBefore = allocatedBytes();

        assertThatThrownBy(() -> decoder.feed(line))
                .isInstanceOfSatisfying(SseLimitExceededException.class,
                        e -> assertThat(e.limitBytes()).isEqualTo(SseDecoder.DEFAULT_MAX_LINE_BYTES));

        assertThat(allocatedBytes() - allocatedBefore).isLessThan(MIB);
    }

    @Test
    void failsOnATwoMebibyteLineInPiecesOnceItCrossesTheCap() {
        byte[] line = twoMebibyteLine();
        SseDecoder decoder = new SseDecoder();
        int piece = 16 * 1024;
        int fed = 0;
        long allocatedBefore = allocatedBytes();
        try {
            for (; fed < line.length; fed += piece) {
                decoder.feed(line, fed, piece);
            }
        } catch (SseLimitExceededException expected) {
            // the line is abandoned here
        }
        long allocated = allocatedBytes() - allocatedBefore;

        assertThat(fed).isEqualTo(SseDecoder.DEFAULT_MAX_LINE_BYTES); // the piece after the first MiB failed
        assertThat(allocated).isLessThan(2L * MIB);
    }

    private static byte[] twoMebibyteLine() {
        byte[] line = new byte[2 * MIB];
        Arrays.fill(line, (byte) 'a');
        System.arraycopy(SseDecoderTest.bytes("data: "), 0, line, 0, 6);
        return line;
    }

    private static long allocatedBytes() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void acceptsALineExactlyAtTheCap() {
        SseDecoder decoder = new SseDecoder(16, 16);
        assertThat(decoder.feed(SseDecoderTest.bytes("data: 0123456789\n\n"))).hasSize(1);
    }

    @Test
    void failsWhenManySmallDataLinesOfOneEventCrossTheEventCap() {
        SseDecoder decoder = new SseDecoder(1024, 4096);
        byte[] dataLine = SseDecoderTest.bytes("data: " + "x".repeat(99) + "\n");
        for (int i = 0; i < 40; i++) { // 40 values of 99 bytes + 39 joining newlines = 3999 bytes
            decoder.feed(dataLine);
        }
        assertThatThrownBy(() -> decoder.feed(dataLine))
                .isInstanceOf(SseLimitExceededException.class)
                .hasMessageContaining("4096");
    }

    @Test
    void acceptsManySmallEventsWhoseDataAddsUpPastTheEventCap() {
        SseDecoder decoder = new SseDecoder(1024, 4096);
        byte[] event = SseDecoderTest.bytes("data: " + "x".repeat(99) + "\n\n");
        int events = 0;
        for (int i = 0; i < 100; i++) {
            events += decoder.feed(event).size();
        }
        assertThat(events).isEqualTo(100);
    }
}
