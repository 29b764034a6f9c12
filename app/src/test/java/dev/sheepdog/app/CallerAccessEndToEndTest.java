package dev.sheepdog.app;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who a gateway with a real provider serves without credentials: its own machine, or everyone on purpose. */
@Timeout(60)
class CallerAccessEndToEndTest {

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @BeforeEach
    void answer() {
        CallerGateway.answerWithUsage(provider, 12, 3);
    }

    @Test
    void servesALoopbackCallerWithNoCredentials() {
        try (CallerGateway gateway = CallerGateway.start(CallerGateway.config(provider, AccessConfig.DEFAULT))) {
            HttpResponse<String> served = gateway.complete();

            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).contains("Xin chào", "[DONE]");
        }
    }

    @Test
    void refusesALoopbackRequestThatCameThroughAProxyAndSaysHowToGetAccess() {
        try (CallerGateway gateway = CallerGateway.start(CallerGateway.config(provider, AccessConfig.DEFAULT))) {
            HttpResponse<String> refused = gateway.complete("X-Forwarded-For", "203.0.113.5");
            HttpResponse<String> refusedToo = gateway.complete("Forwarded", "for=203.0.113.5;proto=https");

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(CallerGateway.errorCode(refused)).isEqualTo("credentials_required");
            assertThat(refused.body()).contains("sheepdog clients add", "--allow-anonymous");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"sheepdog\"");
            assertThat(refusedToo.statusCode()).isEqualTo(401);
            provider.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        }
    }

    @Test
    void refusesAProxiedCallerTheModelListToo() {
        try (CallerGateway gateway = CallerGateway.start(CallerGateway.config(provider, AccessConfig.DEFAULT))) {
            HttpResponse<String> refused = gateway.send(HttpRequest.newBuilder(gateway.root().resolve("/v1/models"))
                    .header("X-Forwarded-For", "203.0.113.5"));

            assertThat(refused.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void servesAnonymousCallersWhenOpenedOnPurposeEachAddressWithinItsOwnLimits() {
        Plan twoAMinute = new Plan("anonymous", new Limits(OptionalInt.of(2), OptionalLong.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty()), Set.of());
        AccessConfig open = new AccessConfig(true, List.of("127.0.0.1"), Optional.empty(), twoAMinute, Map.of(),
                twoAMinute, Optional.empty());
        try (CallerGateway gateway = CallerGateway.start(CallerGateway.config(provider, open))) {
            assertThat(gateway.complete("X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(200);
            // A caller may write anything left of what the trusted proxy appended: only the rightmost address counts.
            assertThat(gateway.complete("X-Forwarded-For", "198.51.100.1, 203.0.113.7").statusCode()).isEqualTo(200);

            HttpResponse<String> limited = gateway.complete("X-Forwarded-For", "203.0.113.7");

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(CallerGateway.errorCode(limited)).isEqualTo("rate_limited");
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 30));
            assertThat(gateway.complete("X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(200);
            assertThat(gateway.complete("X-Forwarded-For", "198.51.100.1, 203.0.113.8").statusCode()).isEqualTo(200);
            assertThat(gateway.complete("X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void believesTheForwardedHeadersOfNoPeerThatIsNotATrustedProxy() {
        Plan onceAMinute = new Plan("anonymous", new Limits(OptionalInt.of(1), OptionalLong.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty()), Set.of());
        AccessConfig openNoProxy = new AccessConfig(true, List.of(), Optional.empty(), onceAMinute, Map.of(),
                onceAMinute, Optional.empty());
        try (CallerGateway gateway = CallerGateway.start(CallerGateway.config(provider, openNoProxy))) {
            assertThat(gateway.complete("X-Forwarded-For", "203.0.113.1").statusCode()).isEqualTo(200);

            // Another made-up address changes nothing: the caller is the connection's own address.
            assertThat(gateway.complete("X-Forwarded-For", "203.0.113.2").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void refusesACrossSiteTextPlainPostWith415BeforeAnythingElse() {
        AccessConfig open = AccessConfig.DEFAULT.withFlags(true, List.of(), Optional.empty());
        try (CallerGateway gateway = CallerGateway.start(CallerGateway.config(provider, open))) {
            HttpResponse<String> refused = gateway.send(HttpRequest.newBuilder(
                    gateway.root().resolve("/v1/chat/completions"))
                    .header("Content-Type", "text/plain;charset=UTF-8").header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"deepseek-v3.2\",\"stream\":true,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"spend\"}]}")));

            assertThat(refused.statusCode()).isEqualTo(415);
            assertThat(CallerGateway.errorCode(refused)).isEqualTo("unsupported_media_type");
            provider.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        }
    }
}
