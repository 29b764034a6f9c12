package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request is counted under, depending on who handed it over. */
class TrustedProxiesTest {

    private static final String PROXY = "127.0.0.1";
    private final TrustedProxies proxies = new TrustedProxies(List.of(PROXY, "10.0.0.0/8"));

    @Test
    void withNoTrustedProxyEveryPeerIsItsOwnAddress() {
        assertThat(TrustedProxies.NONE.clientAddress(PROXY, "for=198.51.100.1", "1.1.1.1")).isEqualTo(PROXY);
    }

    @Test
    void anUntrustedPeerIsItsOwnAddressWhateverItsHeadersSay() {
        assertThat(proxies.clientAddress("203.0.113.9", "for=198.51.100.1", "1.1.1.1")).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("203.0.113.9", null, "1.1.1.1, 10.0.0.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void aTrustedPeerWithoutForwardedHeadersIsItsOwnAddress() {
        assertThat(proxies.clientAddress(PROXY, null, null)).isEqualTo(PROXY);
    }

    @Test
    void aTrustedPeerForwardsTheRightmostUntrustedHopOfXForwardedFor() {
        // 1.1.1.1 may have been written by the caller itself; 203.0.113.7 was written by the proxy.
        assertThat(proxies.clientAddress(PROXY, null, "1.1.1.1, 203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void aChainOfTrustedProxiesIsSkipped() {
        assertThat(proxies.clientAddress(PROXY, null, "1.1.1.1, 203.0.113.7, 10.0.0.5,10.20.0.1"))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheCaller() {
        assertThat(proxies.clientAddress(PROXY, null, "10.0.0.1, 10.0.0.2, 127.0.0.1")).isEqualTo("10.0.0.1");
    }

    @Test
    void aCidrRangeTrustsEveryAddressInItAndNoOther() {
        assertThat(proxies.clientAddress("10.255.3.4", null, "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(proxies.clientAddress("11.0.0.1", null, "203.0.113.7")).isEqualTo("11.0.0.1");
    }

    @Test
    void anIpv6RangeTrustsIpv6Proxies() {
        TrustedProxies ipv6 = new TrustedProxies(List.of("2001:db8::/32"));

        assertThat(ipv6.clientAddress("2001:db8:0:0:0:0:0:5", null, "2001:db9::7")).isEqualTo("2001:db9::7");
        assertThat(ipv6.clientAddress("2001:db9::5", null, "2001:db9::7")).isEqualTo("2001:db9::5");
    }

    @Test
    void forwardedGivesAQuotedIpv6AddressWithoutItsBracketsAndPort() {
        assertThat(proxies.clientAddress(PROXY, "for=\"[2001:db8::1]:4711\"", null)).isEqualTo("2001:db8::1");
    }

    @Test
    void forwardedGivesAnIpv4AddressWithoutItsPort() {
        assertThat(proxies.clientAddress(PROXY, "for=\"192.0.2.60:8080\";proto=https", null)).isEqualTo("192.0.2.60");
    }

    @Test
    void forwardedWithSeveralElementsGivesTheRightmostUntrustedFor() {
        String header = "for=192.0.2.60;proto=http;by=203.0.113.43, For=198.51.100.17, for=10.1.1.1;proto=https";

        assertThat(proxies.clientAddress(PROXY, header, null)).isEqualTo("198.51.100.17");
    }

    @Test
    void forwardedIsBelievedBeforeXForwardedFor() {
        assertThat(proxies.clientAddress(PROXY, "for=198.51.100.17", "203.0.113.7")).isEqualTo("198.51.100.17");
    }
}
