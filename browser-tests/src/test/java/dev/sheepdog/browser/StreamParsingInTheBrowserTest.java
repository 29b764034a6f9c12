package dev.sheepdog.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sheepdog.adapter.out.holysheep.fixtures.RecordedStreams;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.app.PageGateway;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page's stream modules ({@code sse.js}, {@code chat-stream.js}) in Chromium itself, on every
 * recorded provider stream: whole, one byte per read, split at every offset, with CRLF, CR and a BOM.
 */
@ExtendWith(ChromiumExtension.class)
class StreamParsingInTheBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SPLIT_EVERY_OFFSET_UP_TO_BYTES = 8_000;

    @Test
    @SuppressWarnings("unchecked")
    void theRecordedStreamsComeOutAsExpectedHoweverTheirBytesArrive(Chromium chromium) throws IOException {
        List<String> names = RecordedStreams.names();
        List<Map<String, String>> fixtures = names.stream().map(name -> Map.of("name", name,
                "base64", Base64.getEncoder().encodeToString(RecordedStreams.body(name)))).toList();
        try (PageGateway gateway = PageGateway.offline(SimulatorSettings.DEFAULT, Duration.ofSeconds(1))) {
            WritingPage.open(chromium, gateway.origin());

            Map<String, Object> outcome = (Map<String, Object>) chromium.driver().executeAsyncScript(script(),
                    fixtures, SPLIT_EVERY_OFFSET_UP_TO_BYTES);

            assertThat(outcome.get("error")).as("the check itself ran").isNull();
            assertThat((List<Object>) outcome.get("mismatches")).as("every way of splitting gives the same answer")
                    .isEmpty();
            // Through text, so numbers get the same node types as in EXPECTED.json (WebDriver hands back Longs).
            JsonNode results = JSON.readTree(JSON.writeValueAsString(outcome.get("results")));
            for (String name : names) {
                JsonNode got = results.get(name);
                JsonNode expected = RecordedStreams.expected(name);
                assertThat(got.path("content").asText()).as(name + " content").isEqualTo(expected.path("content").asText());
                assertThat(got.path("finish_reason")).as(name + " finish reason").isEqualTo(expected.path("finish_reason"));
                assertThat(got.path("usage")).as(name + " usage").isEqualTo(expected.path("usage"));
                assertThat(got.path("error").isNull()).as(name + " error").isEqualTo(expected.path("errors").isEmpty());
                if (name.endsWith(".jsonl")) {
                    // Recorded as bare payloads: RecordedStreams frames one event per line and adds [DONE].
                    assertThat(got.path("done").asBoolean()).as(name + " [DONE]").isTrue();
                    assertThat(got.path("events").asInt()).as(name + " events")
                            .isEqualTo(expected.path("n_chunks").asInt() + 1);
                    continue;
                }
                assertThat(got.path("done").asBoolean()).as(name + " [DONE]")
                        .isEqualTo(expected.path("done_dispatched").asBoolean());
                assertThat(got.path("events").asInt()).as(name + " events").isEqualTo(expected.path("sse_events").asInt());
                assertThat(got.path("comments").asInt()).as(name + " comments")
                        .isEqualTo(expected.path("sse_comments").asInt());
            }
            System.out.printf("stream parser: %d runs over %d recorded streams in %s ms%n", outcome.get("runs"),
                    names.size(), outcome.get("ms"));
        }
    }

    private static String script() throws IOException {
        try (InputStream in = StreamParsingInTheBrowserTest.class.getResourceAsStream("/parser-check.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
