package dev.sheepdog.browser;

import static dev.sheepdog.browser.Chromium.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.app.PageGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both pages at desktop (1280×800) and phone (390×844) size, written to target/screenshots/ for
 * the README and for a person to look at: legibility is not something a test can assert.
 */
@ExtendWith(ChromiumExtension.class)
class ScreenshotsTest {

    @Test
    void theWritingAssistantWithAFinishedAnswer(Chromium chromium) {
        try (PageGateway gateway = PageGateway.offline(SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(150),
                Duration.ofMillis(12)), Duration.ofSeconds(1))) {
            WritingPage page = WritingPage.open(chromium, gateway.origin());
            page.send("Viết đoạn mở đầu về cà phê Việt Nam cho blog du lịch");
            page.waitUntilEnded(0, PATIENCE);
            assertThat(page.status(0)).isEqualTo("done");

            assertThat(chromium.screenshot("writing-desktop")).satisfies(ScreenshotsTest::isPng);
            chromium.phone();
            // From the top of the conversation: the question, then the answer as it reads on a phone.
            chromium.driver().executeScript("document.getElementById('conversation').scrollTop = 0");
            assertThat(chromium.screenshot("writing-phone")).satisfies(ScreenshotsTest::isPng);
        }
    }

    @Test
    void theWritingAssistantAskingForAClientKey(Chromium chromium) {
        try (KeyedGateway gateway = new KeyedGateway(SimulatorSettings.DEFAULT)) {
            WritingPage page = WritingPage.load(chromium, gateway.publicOrigin());
            page.waitFor(PATIENCE, page::asksForKey);

            assertThat(chromium.screenshot("writing-key-desktop")).satisfies(ScreenshotsTest::isPng);
            chromium.phone();
            assertThat(chromium.screenshot("writing-key-phone")).satisfies(ScreenshotsTest::isPng);
        }
    }

    @Test
    void theStatusPageAfterAFewSecondsOfTraffic(Chromium chromium) throws Exception {
        SimulatorSettings simulator = SimulatorSettings.DEFAULT.withDelays(Duration.ofMillis(60), Duration.ofMillis(2))
                .withTokensPerAnswer(30);
        AtomicBoolean running = new AtomicBoolean(true);
        try (PageGateway gateway = StatusPageTest.routedGateway(simulator);
             ExecutorService writers = Executors.newSingleThreadExecutor()) {
            // One client key, with a request of its own, so the client keys table has a row to show.
            String made = Api.post(gateway.origin(), "/admin/clients", StatusPageTest.TOKEN, """
                    {"name": "writer-web", "rpm": 60, "tpm": 100000, "concurrent_streams": 5, "daily_usd": 2,
                     "monthly_usd": 40}""").body();
            Api.post(gateway.origin(), "/v1/chat/completions", Api.json(made).path("secret").asText(),
                    "{\"model\":\"deepseek-v3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"Xin chào\"}]}");
            writers.submit(() -> {
                while (running.get()) {
                    Traffic.send(gateway.origin(), 8, "deepseek-v3.2");
                    Traffic.send(gateway.origin(), 2, "gpt-4.1");
                }
                return null;
            });
            try {
                StatusPage page = StatusPage.open(chromium, gateway.origin());
                page.signIn(StatusPageTest.TOKEN);
                page.waitFor(PATIENCE, () -> page.chart("canary", "ttft").points() >= 12
                        && page.chart("primary", "ttft").points() >= 12);
            } finally {
                running.set(false);
            }

            assertThat(chromium.screenshot("status-desktop")).satisfies(ScreenshotsTest::isPng);
            chromium.driver().executeScript("document.getElementById('clients').scrollIntoView({block: 'center'})");
            assertThat(chromium.screenshot("status-clients-desktop")).satisfies(ScreenshotsTest::isPng);
            chromium.driver().executeScript("window.scrollTo(0, 0)");
            chromium.phone();
            assertThat(chromium.screenshot("status-phone")).satisfies(ScreenshotsTest::isPng);
        }
    }

    private static void isPng(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes.length).isGreaterThan(10_000);
            assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
