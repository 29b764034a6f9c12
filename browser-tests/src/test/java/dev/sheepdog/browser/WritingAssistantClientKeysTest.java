package dev.sheepdog.browser;

import static dev.sheepdog.browser.WritingAssistantTest.VIETNAMESE_PROMPT;
import static dev.sheepdog.browser.WritingAssistantTest.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.browser.Api.Message;
import dev.sheepdog.browser.KeyedGateway.Client;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The writing assistant where the gateway wants a client key: a visitor from the internet (through
 * a proxy) is asked for one, the key stays in the tab's memory, and a refused key or a spent limit
 * is said in words. The gateway's operator, on its own machine, is never asked.
 */
@ExtendWith(ChromiumExtension.class)
class WritingAssistantClientKeysTest {

    private static final Duration WAIT = Chromium.PATIENCE;

    @Test
    void asksForAKeyKeepsItOnlyInMemoryStreamsWithItAndAsksAgainOnceItIsRevoked(Chromium chromium) throws Exception {
        try (KeyedGateway gateway = new KeyedGateway(simulator(20, 5, 30))) {
            WritingPage page = WritingPage.load(chromium, gateway.publicOrigin());
            page.waitFor(WAIT, page::asksForKey);
            assertThat(page.keyPrompt()).startsWith("This gateway needs a client key.").contains("needs credentials");
            assertThat(page.modelsLoaded()).as("no models until a key is given").isFalse();

            Client first = gateway.newClient("\"name\": \"writer-web\"");
            page.giveKey(first.secret());
            page.waitFor(WAIT, page::modelsLoaded);
            assertThat(page.asksForKey()).isFalse();
            assertThat(page.model()).isEqualTo(KeyedGateway.MODEL);

            page.send(VIETNAMESE_PROMPT);
            page.waitUntilEnded(0, WAIT);
            assertThat(page.status(0)).isEqualTo("done");
            String whole = Api.answer(gateway.upstream().origin(), page.model(), page.temperature(), List.of(
                    new Message("system", page.systemPrompt()), new Message("user", VIETNAMESE_PROMPT)));
            assertThat(page.answer(0)).isEqualTo(whole).isNotEmpty();
            assertThat(page.storedAnywhere()).as("the key is in no storage, cookie, URL or markup")
                    .doesNotContain(first.secret());
            assertThat(page.storedAnywhere()).startsWith("[{},{},\"\",");

            long answered = gateway.upstream().simulator().completedStreams();
            gateway.revoke(first);
            page.send("Viết lại ngắn hơn");
            page.waitFor(WAIT, page::asksForKey);
            assertThat(page.keyPrompt()).startsWith("The gateway refused this key.")
                    .contains("The client key " + first.id() + " was revoked.");
            assertThat(page.status(1)).as("the refused request waits for a key").isEqualTo("streaming");

            Client second = gateway.newClient("\"name\": \"writer-web-2\"");
            page.giveKey(second.secret());
            page.waitUntilEnded(1, WAIT);
            assertThat(page.status(1)).as("the refused request is sent again with the new key").isEqualTo("done");
            assertThat(page.answer(1)).isNotEmpty();
            assertThat(page.asksForKey()).isFalse();
            assertThat(gateway.upstream().simulator().completedStreams())
                    .as("the refused request never reached the provider, its retry did").isEqualTo(answered + 1);
            assertThat(page.storedAnywhere()).doesNotContain(second.secret()).doesNotContain(first.secret());
        }
    }

    @Test
    void theOperatorOnTheGatewaysOwnMachineIsNeverAskedForAKey(Chromium chromium) {
        try (KeyedGateway gateway = new KeyedGateway(simulator(5, 2, 10))) {
            WritingPage page = WritingPage.open(chromium, gateway.localOrigin());
            page.send("Xin chào");
            page.waitUntilEnded(0, WAIT);
            assertThat(page.status(0)).isEqualTo("done");
            assertThat(page.asksForKey()).isFalse();
        }
    }

    @Test
    void aLimitOfTheKeysPlanAndAModelOutsideItAreSaidInWords(Chromium chromium) throws Exception {
        try (KeyedGateway gateway = new KeyedGateway(simulator(5, 2, 10))) {
            WritingPage page = WritingPage.load(chromium, gateway.publicOrigin());
            page.waitFor(WAIT, page::asksForKey);
            page.giveKey(gateway.newClient("\"name\": \"one-a-minute\", \"rpm\": 1").secret());
            page.waitFor(WAIT, page::modelsLoaded);

            page.send("Tiêu đề thứ nhất");
            page.waitUntilEnded(0, WAIT);
            page.send("Tiêu đề thứ hai");
            page.waitUntilEnded(1, WAIT);

            assertThat(page.status(0)).isEqualTo("done");
            assertThat(page.status(1)).isEqualTo("failed");
            assertThat(page.turn(1).getDomAttribute("data-failure")).isEqualTo("rate_limited");
            assertThat(page.notice(1)).startsWith("Rate limited. Wait ")
                    .contains("You started 1 requests in the last minute, as many as your plan allows.");

            // A reload forgets the key: the page asks again, and this time gets a key for other models.
            page = WritingPage.load(chromium, gateway.publicOrigin());
            page.waitFor(WAIT, page::asksForKey);
            page.giveKey(gateway.newClient("\"name\": \"other-models\", \"models\": [\"gpt-4.1\"]").secret());
            page.waitFor(WAIT, page::modelsLoaded);
            page.send("Tiêu đề thứ ba");
            page.waitUntilEnded(0, WAIT);
            assertThat(page.turn(0).getDomAttribute("data-failure")).isEqualTo("not_allowed");
            assertThat(page.notice(0)).startsWith("Model not in your plan.")
                    .contains("does not include the model 'deepseek-v3.2'");
            assertThat(gateway.upstream().simulator().completedStreams()).as("only the first answer reached it")
                    .isEqualTo(1);
        }
    }
}
