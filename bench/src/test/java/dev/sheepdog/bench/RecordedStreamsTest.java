package dev.sheepdog.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The bench reads real providers' recorded streams as the gateway's own decoder is known to. */
class RecordedStreamsTest {

    // The repository's copy of ../shared/fixtures/streams (read as files: bench depends on no Sheepdog module).
    private static final Path STREAMS = Path.of("../adapters-holysheep/src/test/resources/streams");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyRecordedStreamDecodesToItsKnownEventsWhateverTheLineEndsBomAndSplit() throws IOException {
        JsonNode index = JSON.readTree(STREAMS.resolve("INDEX.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : index) {
            if (entry.path("kind").asText().equals("sse")) {
                String name = entry.path("file").asText();
                tests.add(dynamicTest(name, () -> decodes(name, entry.path("sse_stats"))));
            }
        }
        assertThat(tests).hasSizeGreaterThan(10);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedStreamEndsTheWayItsProviderEndedIt() throws IOException {
        JsonNode expected = JSON.readTree(STREAMS.resolve("EXPECTED.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        expected.properties().forEach(entry -> {
            if (entry.getKey().endsWith(".sse")) {
                tests.add(dynamicTest(entry.getKey(), () -> ends(entry.getKey(), entry.getValue())));
            }
        });
        return tests.stream();
    }

    private static void decodes(String name, JsonNode stats) throws IOException {
        String lf = Files.readString(STREAMS.resolve(name), UTF_8).replace("\r\n", "\n").replace("\r", "\n");
        List<SseEvent> whole = SseEventReaderTest.events(lf);
        assertThat(whole).as("events").hasSize(stats.path("events").asInt());
        assertThat(whole.getLast().data().equals("[DONE]")).as("[DONE] dispatched")
                .isEqualTo(stats.path("done_dispatched").asBoolean());
        for (String variant : List.of("\uFEFF" + lf, lf.replace("\n", "\r\n"), lf.replace("\n", "\r"))) {
            byte[] body = variant.getBytes(UTF_8);
            // Every offset for the small bodies, a prime stride through the large ones: the same events each time.
            int stride = body.length < 8_000 ? 1 : 97;
            for (int offset = 0; offset <= body.length; offset += stride) {
                assertThat(SseEventReaderTest.events(SseLineReaderTest.split(body, offset)))
                        .as("split at byte %d", offset).isEqualTo(whole);
            }
        }
    }

    private static void ends(String name, JsonNode expected) throws IOException {
        StreamTally tally = new StreamTally(0, 0);
        byte[] body = Files.readAllBytes(STREAMS.resolve(name));
        for (SseEvent event : SseEventReaderTest.events(new ByteArrayInputStream(body))) {
            if (tally.accept(event, 1)) {
                break;
            }
        }
        RequestResult result = tally.result(2);
        boolean completed = expected.path("done_dispatched").asBoolean() || !expected.path("finish_reason").isNull();
        if (!expected.path("errors").isEmpty()) {
            assertThat(result.error()).contains(RequestResult.STREAM_ERROR);
        } else if (completed) {
            assertThat(result.succeeded()).as("completed").isTrue();
            JsonNode usage = expected.path("usage").path("completion_tokens");
            if (usage.isNumber()) {
                assertThat(result.tokens()).isEqualTo(usage.asLong());
            }
        } else {
            assertThat(result.error()).contains(RequestResult.TRUNCATED);
        }
    }
}
