package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the adapter reads off a request about its caller: the bearer token, the address, whether it is local. */
@Timeout(20)
class CallerCredentialsTest {

    private final ScriptedCallers callers = new ScriptedCallers();

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway(callers.trusting("10.0.0.0/8"));

    @ParameterizedTest(name = "Authorization: {0} sk-sd-abc")
    @ValueSource(strings = {"Bearer", "bearer", "BEARER"})
    void theBearerTokenIsReadWhateverTheCaseOfItsScheme(String scheme) throws Exception {
        gateway.post(Bodies.chat(""), "Authorization", scheme + " sk-sd-abc");

        assertThat(callers.onlyCredentials().bearer()).hasValue("sk-sd-abc");
    }

    @Test
    void aRequestWithoutAuthorizationHasNoBearer() throws Exception {
        gateway.post(Bodies.chat(""));

        assertThat(callers.onlyCredentials().bearer()).isEmpty();
    }

    @Test
    void anotherAuthorizationSchemeIsNoBearer() throws Exception {
        gateway.post(Bodies.chat(""), "Authorization", "Basic YWRtaW46YWRtaW4=");

        assertThat(callers.onlyCredentials().bearer()).isEmpty();
    }

    @Test
    void aLoopbackRequestThroughNoProxyIsLocal() throws Exception {
        gateway.post(Bodies.chat(""));

        Credentials credentials = callers.onlyCredentials();
        assertThat(credentials.local()).isTrue();
        assertThat(credentials.address()).isEqualTo("127.0.0.1");
    }

    @Test
    void aLoopbackRequestWithXForwardedForIsNotLocal() throws Exception {
        gateway.post(Bodies.chat(""), "X-Forwarded-For", "127.0.0.1");

        assertThat(callers.onlyCredentials().local()).isFalse();
    }

    @Test
    void aLoopbackRequestWithForwardedIsNotLocal() throws Exception {
        gateway.post(Bodies.chat(""), "Forwarded", "for=127.0.0.1");

        assertThat(callers.onlyCredentials().local()).isFalse();
    }

    @Test
    void anUntrustedPeerIsKnownByItsOwnAddressWhateverItForwards() throws Exception {
        gateway.post(Bodies.chat(""), "X-Forwarded-For", "203.0.113.7");

        assertThat(callers.onlyCredentials().address()).isEqualTo("127.0.0.1");
    }

    @Test
    void theModelListShowsTheSameCredentials() throws Exception {
        gateway.get(ModelRoutes.PATH, "Authorization", "Bearer sk-sd-abc");

        assertThat(callers.onlyCredentials()).isEqualTo(new Credentials(java.util.Optional.of("sk-sd-abc"),
                "127.0.0.1", true));
    }
}
