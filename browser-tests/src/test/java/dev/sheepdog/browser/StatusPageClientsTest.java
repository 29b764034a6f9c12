package dev.sheepdog.browser;

import static dev.sheepdog.browser.Chromium.PATIENCE;
import static dev.sheepdog.browser.WritingAssistantTest.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.browser.KeyedGateway.Client;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The status page's client keys: each key's standing against its plan, and never a secret. */
@ExtendWith(ChromiumExtension.class)
class StatusPageClientsTest {

    @Test
    void listsAClientKeyWithWhatItHasLeftAfterOneRequest(Chromium chromium) throws Exception {
        try (KeyedGateway gateway = new KeyedGateway(simulator(5, 2, 20))) {
            // One request a minute: the bucket refills it only after 60 s, so "0 left" holds while the test looks,
            // even on a busy machine (two a minute held "1 left" for only 30 s).
            Client client = gateway.newClient("""
                    "name": "writer-web", "rpm": 1, "tpm": 100000, "concurrent_streams": 3,
                    "daily_usd": 1.5, "monthly_usd": 20, "expires_at": "2099-01-31T00:00:00Z\"""");
            Client idle = gateway.newClient("\"name\": \"no-limits\"");
            HttpResponse<String> answer = Api.post(gateway.publicOrigin(), "/v1/chat/completions", client.secret(),
                    "{\"model\":\"" + KeyedGateway.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Xin chào\"}]}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

            StatusPage page = StatusPage.open(chromium, gateway.localOrigin());
            page.signIn(KeyedGateway.ADMIN_TOKEN);
            page.waitFor(PATIENCE, () -> page.polls() >= 1);

            assertThat(page.client(client.id(), "name")).startsWith("writer-web").contains("sk-sd-")
                    .doesNotContain(client.secret());
            assertThat(page.client(client.id(), "id")).isEqualTo(client.id());
            assertThat(page.client(client.id(), "status")).isEqualTo("active");
            assertThat(page.client(client.id(), "requests")).isEqualTo("0 / 1");
            assertThat(page.client(client.id(), "tokens")).matches("[0-9,]+ / 100,000");
            assertThat(page.client(client.id(), "streams")).isEqualTo("0 / 3");
            assertThat(page.client(client.id(), "today")).matches("\\$0\\.[0-9]*[1-9][0-9]* / \\$1\\.50");
            assertThat(page.client(client.id(), "month")).matches("\\$0\\.[0-9]*[1-9][0-9]* / \\$20\\.00");
            assertThat(page.client(client.id(), "expires")).isEqualTo("2099-01-31");
            assertThat(page.client(idle.id(), "requests")).isEqualTo("— / no limit");
            assertThat(page.client(idle.id(), "today")).isEqualTo("$0 / no limit");
            assertThat(page.client(idle.id(), "expires")).isEqualTo("never");
            assertThat(page.text("clients")).doesNotContain(client.secret()).doesNotContain(idle.secret());
        }
    }
}
