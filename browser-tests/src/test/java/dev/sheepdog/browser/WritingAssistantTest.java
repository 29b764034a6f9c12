package dev.sheepdog.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.simulator.SimulatorFaults;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.app.PageGateway;
import dev.sheepdog.browser.Api.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The writing assistant in headless Chromium, against a gateway answering from the simulator: answers that arrive. */
@ExtendWith(ChromiumExtension.class)
class WritingAssistantTest {

    static final String VIETNAMESE_PROMPT = "Viết đoạn mở đầu về cà phê Việt Nam cho blog du lịch";

    static SimulatorSettings simulator(int firstTokenMs, int betweenTokensMs, int tokens) {
        return SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(firstTokenMs), Duration.ofMillis(betweenTokensMs))
                .withTokensPerAnswer(tokens);
    }

    @Test
    void aVietnamesePromptStreamsInVisiblyAndEndsExactlyAsTheApiAnswersIt(Chromium chromium) throws Exception {
        // Heartbeats every 100 ms: ": ping" comments arrive before the first token and must be ignored.
        try (PageGateway gateway = PageGateway.offline(simulator(400, 25, 80), Duration.ofMillis(100))) {
            WritingPage page = WritingPage.open(chromium, gateway.origin());
            page.send(VIETNAMESE_PROMPT);

            Set<String> seen = new LinkedHashSet<>();
            boolean sendDisabledWhileBusy = false;
            boolean cursorWhileStreaming = false;
            while (page.turns() == 0 || "streaming".equals(page.status(0))) {
                if (page.turns() > 0) {
                    seen.add(page.answer(0));
                    sendDisabledWhileBusy |= !page.sendEnabled() && page.stopEnabled();
                    cursorWhileStreaming |= page.cursorShown(0);
                }
                Thread.sleep(15);
            }
            page.waitUntilEnded(0, Duration.ofSeconds(5));

            String expected = Api.answer(gateway.origin(), page.model(), page.temperature(), List.of(
                    new Message("system", page.systemPrompt()), new Message("user", VIETNAMESE_PROMPT)));
            String shown = page.answer(0);
            assertThat(shown).isEqualTo(expected).contains("Dưới đây là bản nháp", "cà phê Việt Nam");
            List<String> growing = seen.stream().filter(text -> !text.isEmpty() && !text.equals(expected)).toList();
            assertThat(growing).as("the answer seen part-way, growing").hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(part -> assertThat(expected).startsWith(part));
            assertThat(sendDisabledWhileBusy).as("Send disabled and Stop enabled while streaming").isTrue();
            assertThat(cursorWhileStreaming).as("a cursor while the answer streams").isTrue();
            assertThat(page.cursorShown(0)).as("and none once it is done").isFalse();
            assertThat(page.status(0)).isEqualTo("done");
            assertThat(page.metric(0, "ttft")).matches("\\d+ ms");
            assertThat(page.metric(0, "speed")).matches("\\d+\\.\\d tok/s");
            assertThat(page.metric(0, "tokens")).matches("\\d+ in · 80 out");
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
            page.waitUntilEnded(0, Duration.ofSeconds(5));
            conversation.addAll(List.of(new Message("user", VIETNAMESE_PROMPT), new Message("assistant", page.answer(0))));

            page.send("Ngắn hơn, và thêm một câu hỏi ở cuối");
            page.waitUntilEnded(1, Duration.ofSeconds(5));

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
            page.waitUntilEnded(0, Duration.ofSeconds(5));

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
            page.waitUntilEnded(0, Duration.ofSeconds(5));

            page.turn(0).findElement(By.cssSelector("[data-field=copy]")).click();

            page.waitFor(Duration.ofSeconds(5), () -> page.turn(0).findElement(
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
            page.waitUntilEnded(0, Duration.ofSeconds(5));

            assertThat(page.metric(0, "cost")).isEqualTo("unpriced");
            assertThat(page.metric(0, "tokens")).endsWith("12 out");
        }
    }
}
