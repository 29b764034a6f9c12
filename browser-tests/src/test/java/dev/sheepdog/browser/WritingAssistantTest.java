package dev.sheepdog.browser;

import static dev.sheepdog.browser.Chromium.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.simulator.SimulatorFaults;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.app.PageGateway;
import dev.sheepdog.browser.Api.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The writing assistant in headless Chromium, against a gateway answering from the simulator: answers that arrive. */
@ExtendWith(ChromiumExtension.class)
class WritingAssistantTest {

    static final String VIETNAMESE_PROMPT = "Viết đoạn mở đầu về cà phê Việt Nam cho blog du lịch";
    static final String DRAFT = "Dưới đây là bản nháp: buổi sáng ở Hà Nội bắt đầu bằng một ly cà phê Việt Nam, "
            + "đậm, chậm và ngọt ngào, nhỏ từng giọt qua phin nhôm bên vỉa hè. Here is the draft, in English too.";

    static SimulatorSettings simulator(int firstTokenMs, int betweenTokensMs, int tokens) {
        return SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(firstTokenMs), Duration.ofMillis(betweenTokensMs))
                .withTokensPerAnswer(tokens);
    }

    @Test
    void aVietnamesePromptAppearsChunkByChunkAsTheProviderSendsItAndEndsExactlyAsSent(Chromium chromium)
            throws Exception {
        List<String> pieces = List.of(DRAFT.split("(?= )"));
        // Heartbeats every 100 ms: ": ping" comments reach the page before the first chunk and must be ignored.
        try (SteppedUpstream upstream = new SteppedUpstream(pieces, 42);
             PageGateway gateway = PageGateway.routed(SimulatorSettings.DEFAULT, upstream.endpoint("STEPPED_KEY"),
                     "stepped-admin-token", Map.of("STEPPED_KEY", "sk-stepped-not-a-real-key"), Duration.ofMillis(100))) {
            WritingPage page = WritingPage.open(chromium, gateway.origin());
            page.send(VIETNAMESE_PROMPT);
            page.waitFor(PATIENCE, () -> page.turns() == 1 && "streaming".equals(page.status(0)));
            Thread.sleep(300); // room for a few pings: a slower machine only sends fewer, it cannot fail the test

            // Lockstep: the provider sends the next chunk only once the page shows the previous one.
            for (int chunk = 1; chunk <= 5; chunk++) {
                upstream.release(1);
                String sent = upstream.textOf(chunk);
                page.waitFor(PATIENCE, () -> page.answer(0).equals(sent));
                assertThat(page.status(0)).as("chunk %d shown while the rest is not even sent", chunk)
                        .isEqualTo("streaming");
                assertThat(page.cursorShown(0)).as("a cursor while the answer streams").isTrue();
                assertThat(page.sendEnabled()).as("Send disabled while streaming").isFalse();
                assertThat(page.stopEnabled()).as("Stop enabled while streaming").isTrue();
            }
            upstream.release(upstream.size() - 5 + 1);
            page.waitUntilEnded(0, PATIENCE);

            assertThat(page.answer(0)).isEqualTo(upstream.wholeText()).contains("Dưới đây là bản nháp", "cà phê Việt Nam");
            assertThat(page.cursorShown(0)).as("no cursor once it is done").isFalse();
            assertThat(page.status(0)).isEqualTo("done");
            assertThat(page.metric(0, "ttft")).matches("\\d+ ms|\\d+\\.\\d\\d s");
            assertThat(page.metric(0, "speed")).matches("\\d+\\.\\d tok/s");
            assertThat(page.metric(0, "tokens")).isEqualTo("42 in · " + pieces.size() + " out");
            assertThat(page.metric(0, "cost")).matches("\\$0\\.0000\\d\\d");
            assertThat(page.sendEnabled()).isTrue();
        }
    }

    @Test
    void theSecondTurnSendsTheConversationSoFar(Chromium chromium) throws Exception {
        try (PageGateway gateway = PageGateway.offline(simulator(5, 2, 90), Duration.ofSeconds(1))) {
            WritingPage page = WritingPage.open(chromium, gateway.origin());
            List<Message> conversation = new ArrayList<>(List.of(new Message("system", page.systemPrompt())));
            page.send(VIETNAMESE_PROMPT);
            page.waitUntilEnded(0, PATIENCE);
            conversation.addAll(List.of(new Message("user", VIETNAMESE_PROMPT), new Message("assistant", page.answer(0))));

            page.send("Ngắn hơn, và thêm một câu hỏi ở cuối");
            page.waitUntilEnded(1, PATIENCE);

            conversation.add(new Message("user", "Ngắn hơn, và thêm một câu hỏi ở cuối"));
            String withHistory = Api.answer(gateway.origin(), page.model(), page.temperature(), conversation);
            String alone = Api.answer(gateway.origin(), page.model(), page.temperature(),
                    List.of(conversation.get(0), conversation.get(3)));
            assertThat(withHistory).as("the simulator answers by the whole prompt").isNotEqualTo(alone);
            assertThat(page.answer(1)).isEqualTo(withHistory);
        }
    }

    @Test
    void markupInTheModelsAnswerIsShownAsTextAndNeverRun(Chromium chromium) {
        // The simulator quotes the prompt in its answer: here, markup that would run if inserted as HTML.
        String attack = "<img src=x onerror=\"document.body.dataset.pwned='yes'\">";
        try (PageGateway gateway = PageGateway.offline(simulator(5, 2, 40), Duration.ofSeconds(1))) {
            WritingPage page = WritingPage.open(chromium, gateway.origin());
            page.send(attack);
            page.waitUntilEnded(0, PATIENCE);

            assertThat(page.answer(0)).contains(attack);
            assertThat(page.turn(0).findElements(By.tagName("img"))).isEmpty();
            assertThat(chromium.driver().executeScript("return document.body.dataset.pwned ?? null")).isNull();
        }
    }

    @Test
    void copyPutsTheAnswerOnTheClipboardExactly(Chromium chromium) {
        try (PageGateway gateway = PageGateway.offline(simulator(5, 2, 40), Duration.ofSeconds(1))) {
            WritingPage page = WritingPage.open(chromium, gateway.origin());
            chromium.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin",
                    gateway.origin().toString(), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            page.send(VIETNAMESE_PROMPT);
            page.waitUntilEnded(0, PATIENCE);

            page.turn(0).findElement(By.cssSelector("[data-field=copy]")).click();

            page.waitFor(PATIENCE, () -> page.turn(0).findElement(
                    By.cssSelector("[data-field=copy]")).getText().equals("Copied"));
            Object clipboard = chromium.driver().executeAsyncScript(
                    "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('failed: ' + e))");
            assertThat(clipboard).isEqualTo(page.answer(0));
        }
    }

    @Test
    void aModelWithoutAPriceShowsItsCostAsUnpriced(Chromium chromium) {
        SimulatorSettings models = new SimulatorSettings(Duration.ofMillis(5), Duration.ofMillis(2),
                List.of("deepseek-v3.2", "house-model-1"), OptionalInt.of(12), SimulatorFaults.NONE);
        try (PageGateway gateway = PageGateway.offline(models, Duration.ofSeconds(1))) {
            WritingPage page = WritingPage.open(chromium, gateway.origin());
            page.chooseModel("house-model-1");
            page.send("Hello");
            page.waitUntilEnded(0, PATIENCE);

            assertThat(page.metric(0, "cost")).isEqualTo("unpriced");
            assertThat(page.metric(0, "tokens")).endsWith("12 out");
        }
    }
}
