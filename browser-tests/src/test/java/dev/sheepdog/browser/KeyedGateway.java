package dev.sheepdog.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.app.PageGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A gateway that wants credentials, as one with a real provider does: its endpoint is an
 * OpenAI-compatible API (a second gateway answering from the simulator), and the browser reaches it
 * through a {@link ForwardingProxy}, as a visitor from the internet. On the gateway's own origin
 * the browser is still the local operator.
 */
final class KeyedGateway implements AutoCloseable {

    static final String ADMIN_TOKEN = "keyed-admin-token-51d0a2";
    static final String MODEL = "deepseek-v3.2";
    // Not a client key (sk-sd-…): the upstream gateway, on loopback and simulator-only, ignores it.
    private static final String UPSTREAM_KEY = "upstream-provider-key-0001";

    private final PageGateway upstream;
    private final PageGateway gateway;
    private final ForwardingProxy proxy;

    KeyedGateway(SimulatorSettings answers) {
        this.upstream = PageGateway.offline(answers, Duration.ofSeconds(1));
        this.gateway = PageGateway.routed(SimulatorSettings.DEFAULT, """
                endpoints:
                  - id: provider
                    provider: openai
                    base_url: %s/v1
                    role: primary
                    models: [%s]
                    keys_from_env: [UPSTREAM_KEY]
                """.formatted(upstream.origin(), MODEL), ADMIN_TOKEN, Map.of("UPSTREAM_KEY", UPSTREAM_KEY));
        this.proxy = ForwardingProxy.to(gateway.origin());
    }

    /** Where a visitor's browser goes: the proxy. */
    URI publicOrigin() {
        return proxy.origin();
    }

    /** The gateway itself, on loopback: the operator's way in. */
    URI localOrigin() {
        return gateway.origin();
    }

    /** The provider behind the gateway: what it was asked to stream. */
    PageGateway upstream() {
        return upstream;
    }

    /** Makes a client key through the admin API; {@code fields} are POST /admin/clients' JSON members. */
    Client newClient(String fields) throws IOException, InterruptedException {
        HttpResponse<String> made = Api.post(gateway.origin(), "/admin/clients", ADMIN_TOKEN, "{" + fields + "}");
        if (made.statusCode() != 201) {
            throw new AssertionError("POST /admin/clients answered " + made.statusCode() + ": " + made.body());
        }
        JsonNode body = Api.json(made.body());
        return new Client(body.path("id").asText(), body.path("secret").asText());
    }

    void revoke(Client client) throws IOException, InterruptedException {
        HttpResponse<String> revoked = Api.post(gateway.origin(), "/admin/clients/" + client.id() + "/revoke",
                ADMIN_TOKEN, "{}");
        if (revoked.statusCode() / 100 != 2) {
            throw new AssertionError("revoke answered " + revoked.statusCode() + ": " + revoked.body());
        }
    }

    @Override
    public void close() {
        try (upstream; gateway; proxy) {
            // closed in reverse order: the proxy first, the provider last
        }
    }

    /** A client key's id and its secret, as POST /admin/clients shows them once. */
    record Client(String id, String secret) {
    }
}
