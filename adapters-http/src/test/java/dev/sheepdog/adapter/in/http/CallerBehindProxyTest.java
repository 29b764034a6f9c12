package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sheepdog.domain.model.caller.Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A caller behind a trusted proxy on the same host is known by the address the proxy forwards, never as local. */
@Timeout(20)
class CallerBehindProxyTest {

    private final ScriptedCallers callers = new ScriptedCallers();

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway(callers.trusting("127.0.0.1"));

    @Test
    void theRightmostUntrustedXForwardedForHopIsTheCallersAddress() throws Exception {
        gateway.post(Bodies.chat(""), "X-Forwarded-For", "1.1.1.1, 203.0.113.7");

        Credentials credentials = callers.onlyCredentials();
        assertThat(credentials.address()).isEqualTo("203.0.113.7");
        assertThat(credentials.local()).isFalse();
    }

    @Test
    void forwardedGivesTheCallersIpv6Address() throws Exception {
        gateway.post(Bodies.chat(""), "Forwarded", "for=\"[2001:db8::1]:4711\";proto=https");

        assertThat(callers.onlyCredentials().address()).isEqualTo("2001:db8::1");
    }

    @Test
    void aRequestFromTheProxyItselfWithoutHeadersIsLocal() throws Exception {
        gateway.post(Bodies.chat(""));

        assertThat(callers.onlyCredentials()).isEqualTo(new Credentials(Optional.empty(), "127.0.0.1", true));
    }

    @Test
    void anIpv6LoopbackRequestIsLocalAndItsAddressHasNoBrackets() throws Exception {
        ScriptedCallers ipv6Callers = new ScriptedCallers();

        getOverIpv6Loopback(ipv6Callers.trusting());

        assertThat(ipv6Callers.onlyCredentials()).isEqualTo(new Credentials(Optional.empty(), "0:0:0:0:0:0:0:1", true));
    }

    @Test
    void anIpv6LoopbackProxyCanBeTrusted() throws Exception {
        ScriptedCallers ipv6Callers = new ScriptedCallers();

        getOverIpv6Loopback(ipv6Callers.trusting("::1"), "X-Forwarded-For", "203.0.113.7");

        assertThat(ipv6Callers.onlyCredentials().address()).isEqualTo("203.0.113.7");
    }

    private static void getOverIpv6Loopback(CallerAuthentication callers, String... headers) throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            assumeTrue(probe.isBound());
        } catch (IOException noIpv6) {
            assumeTrue(false, "this machine has no IPv6 loopback");
        }
        HttpSettings settings = new HttpSettings("::1", 0, 4096, Duration.ofSeconds(1), Duration.ofMillis(200));
        try (JavalinHttpServer server = new JavalinHttpServer(settings, new FakeCompletions(), new FakeModels(),
                callers, Optional.empty(), Optional.empty()).start();
             HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://[::1]:" + server.port()
                    + ModelRoutes.PATH));
            if (headers.length == 2) {
                request.header(headers[0], headers[1]);
            }
            client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
