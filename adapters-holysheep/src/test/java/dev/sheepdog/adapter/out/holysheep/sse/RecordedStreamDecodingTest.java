package dev.sheepdog.adapter.out.holysheep.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sheepdog.adapter.out.holysheep.fixtures.RecordedStreams;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded provider stream decodes and interprets to what EXPECTED.json says a correct
 * client reconstructs, however its bytes are cut and whatever line endings it uses.
 */
class RecordedStreamDecodingTest {

    private static final int RANDOM_SEEDS = 50;

    @TestFactory
    Stream<DynamicNode> everyRecordedStream() {
        return RecordedStreams.names().stream().map(name -> {
            byte[] body = RecordedStreams.body(name);
            return dynamicContainer(name, Stream.of(
                    dynamicTest("decoded whole, matches the recorded stats and reconstruction",
                            () -> RecordedStreamAssertions.assertMatchesRecording(name, DecodedStream.decode(body))),
                    dynamicTest("split in two at every byte offset, decodes the same events",
                            () -> assertSameEventsAtEverySplit(body)),
                    dynamicTest("cut into random 1-9 byte pieces, interprets the same",
                            () -> assertRandomPiecesInterpretTheSame(name, body)),
                    dynamicTest("with CRLF line endings, whole and in random pieces, interprets the same",
                            () -> assertVariantInterpretsTheSame(name, replaceLf(body, "\r\n"))),
                    dynamicTest("with CR line endings, whole and in random pieces, interprets the same",
                            () -> assertVariantInterpretsTheSame(name, replaceLf(body, "\r"))),
                    dynamicTest("with a BOM first, whole and in random pieces, interprets the same",
                            () -> assertVariantInterpretsTheSame(name, withBom(body))),
                    dynamicTest("with keep-alive comments between events, interprets the same",
                            () -> assertKeepAlivesChangeNothing(body))));
        });
    }

    // The interpreter sees only the event sequence, so equal events mean an equal interpretation;
    // comparing events (on every core) keeps this quadratic test fast.
    private static void assertSameEventsAtEverySplit(byte[] body) {
        DecodedStream whole = DecodedStream.decode(body);
        OptionalInt differing = IntStream.rangeClosed(0, body.length).parallel()
                .filter(offset -> !DecodedStream.decode(body, offset).equals(whole))
                .findFirst();
        differing.ifPresent(offset ->
                assertThat(DecodedStream.decode(body, offset)).as("split at byte %d", offset).isEqualTo(whole));
    }

    private static void assertRandomPiecesInterpretTheSame(String name, byte[] body) {
        assertRandomPiecesInterpretAs(name, body, InterpretedStream.of(DecodedStream.decode(body)));
    }

    private static void assertVariantInterpretsTheSame(String name, byte[] variant) {
        InterpretedStream expected = InterpretedStream.of(DecodedStream.decode(RecordedStreams.body(name)));
        DecodedStream decoded = DecodedStream.decode(variant);
        RecordedStreamAssertions.assertMatchesRecording(name, decoded);
        assertThat(InterpretedStream.of(decoded)).isEqualTo(expected);
        assertRandomPiecesInterpretAs(name, variant, expected);
    }

    private static void assertRandomPiecesInterpretAs(String name, byte[] body, InterpretedStream expected) {
        for (int seed = 0; seed < RANDOM_SEEDS; seed++) {
            Random random = new Random(seed);
            int[] cuts = IntStream.iterate(random.nextInt(1, 10), cut -> cut < body.length,
                    cut -> cut + random.nextInt(1, 10)).toArray();
            InterpretedStream pieces = InterpretedStream.of(DecodedStream.decode(body, cuts));
            assertThat(pieces).as("%s with seed %d", name, seed).isEqualTo(expected);
        }
    }

    // DeepSeek documents ": keep-alive" comments while it queues a request; no recording has them.
    private static void assertKeepAlivesChangeNothing(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int blankLines = text.split("\n\n", -1).length - 1;
        byte[] withKeepAlives = text.replace("\n\n", "\n\n: keep-alive\n\n").getBytes(StandardCharsets.UTF_8);
        InterpretedStream expected = InterpretedStream.of(DecodedStream.decode(body));
        InterpretedStream actual = InterpretedStream.of(DecodedStream.decode(withKeepAlives));

        assertThat(actual.decoded().comments()).isEqualTo(expected.decoded().comments() + blankLines);
        assertThat(actual.events()).isEqualTo(expected.events());
        assertThat(actual.payloads()).isEqualTo(expected.payloads());
    }

    private static byte[] replaceLf(byte[] body, String lineEnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 2);
        for (byte b : body) {
            if (b == '\n') {
                out.writeBytes(lineEnd.getBytes());
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static byte[] withBom(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 3);
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(body);
        return out.toByteArray();
    }
}
