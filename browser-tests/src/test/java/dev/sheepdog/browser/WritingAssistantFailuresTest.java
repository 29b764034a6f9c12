package dev.sheepdog.browser;

import static dev.sheepdog.browser.Chromium.PATIENCE;
import static dev.sheepdog.browser.WritingAssistantTest.VIETNAMESE_PROMPT;
import static dev.sheepdog.browser.WritingAssistantTest.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.simulator.SimulatorFaults;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.app.PageGateway;
import dev.sheepdog.browser.Api.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The writing assistant when an answer does not arrive whole: stopped by the user, refused, or cut. */
@ExtendWith(ChromiumExtension.class)
class WritingAssistantFailuresTest {

    @Test
    void stopEndsTheStreamAndTheSimulatorSeesItCancelled(Chromium chromium) throws Exception {
        // A minute-long answer (1,500 tokens, 40 ms apart): Stop comes long before its end, however busy the machine.
        try (PageGateway gateway = PageGateway.offline(simulator(50, 40, 1500), Duration.ofSeconds(1))) {
            WritingPage page = WritingPage.open(chromium, gateway.origin());
            page.send("Một bài dài về lịch sử cà phê");
            page.waitFor(PATIENCE, () -> page.turns() == 1 && page.answer(0).length() > 20);

            page.stop();

            page.waitUntilEnded(0, PATIENCE);
            assertThat(page.status(0)).isEqualTo("stopped");
            assertThat(page.notice(0)).startsWith("Stopped.");
            String kept = page.answer(0);
            assertThat(kept).isNotEmpty();
            page.waitFor(PATIENCE, () -> gateway.simulator().cancelledStreams() == 1);
            assertThat(gateway.simulator().completedStreams()).isZero();
            Thread.sleep(200);
            assertThat(page.answer(0)).as("nothing arrives after Stop").isEqualTo(kept);
            assertThat(page.sendEnabled()).isTrue();
        }
    }

    @ParameterizedTest(name = "HTTP {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "429 | Rate limited. Wait 2 s before the next request. | rate_limited",
        "503 | Provider unavailable. | unavailable",
        "400 | Bad request. The request was not accepted. | bad_request"})
    void aRefusalBeforeTheStreamIsExplainedAndThePromptIsGivenBack(int status, String message, String kind,
                                                                    Chromium chromium) {
        SimulatorSettings failing = simulator(5, 5, 10).withFaults(SimulatorFaults.NONE.failing(status, 1.0));
        try (PageGateway gateway = PageGateway.offline(failing, Duration.ofSeconds(1))) {
            WritingPage page = WritingPage.open(chromium, gateway.origin());
            page.send("Tiêu đề cho bài viết");

            page.waitUntilEnded(0, PATIENCE);
            assertThat(page.status(0)).isEqualTo("failed");
            assertThat(page.turn(0).getDomAttribute("data-failure")).isEqualTo(kind);
            assertThat(page.notice(0)).startsWith(message);
            assertThat(page.answer(0)).isEmpty();
            assertThat(page.promptBox()).isEqualTo("Tiêu đề cho bài viết");
        }
    }

    @Test
    void aStreamCutMidwaySaysSoAndKeepsThePartialText(Chromium chromium) throws Exception {
        SimulatorSettings cutting = simulator(20, 10, 60).withFaults(SimulatorFaults.NONE.cuttingAfter(15));
        try (PageGateway gateway = PageGateway.offline(cutting, Duration.ofSeconds(1))) {
            WritingPage page = WritingPage.open(chromium, gateway.origin());
            page.send(VIETNAMESE_PROMPT);

            page.waitUntilEnded(0, PATIENCE);
            assertThat(page.status(0)).isEqualTo("failed");
            assertThat(page.notice(0)).startsWith("Stream cut.").contains("The partial answer above is kept.");
            // The simulator cuts only streams: the whole answer of the same request is the full text.
            String whole = Api.answer(gateway.origin(), page.model(), page.temperature(), List.of(
                    new Message("system", page.systemPrompt()), new Message("user", VIETNAMESE_PROMPT)));
            assertThat(page.answer(0)).isNotEmpty().isNotEqualTo(whole);
            assertThat(whole).startsWith(page.answer(0));
        }
    }

    @Test
    void aGatewayGoingAwayMidAnswerIsAStreamCutToo(Chromium chromium) {
        // A minute-long answer: the gateway goes away long before its end, however busy the machine.
        PageGateway gateway = PageGateway.offline(simulator(20, 40, 1500), Duration.ofSeconds(1));
        WritingPage page = WritingPage.open(chromium, gateway.origin());
        page.send(VIETNAMESE_PROMPT);
        page.waitFor(PATIENCE, () -> page.turns() == 1 && page.answer(0).length() > 20);

        gateway.close(); // the connection ends without [DONE], whether or not a last error event gets out

        page.waitUntilEnded(0, PATIENCE);
        assertThat(page.status(0)).isEqualTo("failed");
        assertThat(page.notice(0)).startsWith("Stream cut.").contains("The partial answer above is kept.");
        assertThat(page.answer(0)).startsWith("Dưới đây là bản nháp");
    }
}
