package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** The fleet tests' OpenAI-compatible provider: it takes every key named {@code sk-good-…} and answers each completion "ok". */
final class GoodKeysProvider {

    private GoodKeysProvider() {
    }

    /** Stubs {@code /v1/models} (deepseek-v3.2, for a good key: how a key is checked) and {@code /v1/chat/completions}. */
    static void stub(WireMockExtension provider) {
        provider.stubFor(get(urlEqualTo("/v1/models")).withHeader("Authorization", matching("Bearer sk-good-.*"))
                .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"deepseek-v3.2\",\"object\":\"model\"}]}")));
        provider.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream")
                .withBody("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"
                        + "\n\ndata: [DONE]\n\n")));
    }
}
