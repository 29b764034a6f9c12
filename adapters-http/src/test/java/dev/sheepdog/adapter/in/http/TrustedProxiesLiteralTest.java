package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only address literals count: whatever a header names, the gateway never asks DNS about it. */
class TrustedProxiesLiteralTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.1", "10.0.0.0/8"));

    @Test
    void theseTestsSeeEveryNameTheJdkLooksUp() {
        assertThatThrownBy(() -> InetAddress.getByName("probe.invalid")).isInstanceOf(UnknownHostException.class);

        assertThat(RecordingResolver.lookups()).contains("probe.invalid");
    }

    @Test
    void aHostNameInAHeaderIsTheCallersAddressAsTextAndIsNeverLookedUp() {
        String address = lookupsDuring(() -> proxies.clientAddress("127.0.0.1", null, "fade.cafe"), "fade.cafe");

        assertThat(address).isEqualTo("fade.cafe");
    }

    @Test
    void localhostInAHeaderIsNotTakenForTheTrustedLoopbackProxy() {
        String address = lookupsDuring(() -> proxies.clientAddress("127.0.0.1", null, "203.0.113.7, localhost"),
                "localhost");

        assertThat(address).isEqualTo("localhost");
    }

    @Test
    void aDottedQuadOutOfRangeIsNotAnAddressAndIsNeverLookedUp() {
        // The JDK takes 999.1.1.1 for a host name and would ask DNS for it.
        String address = lookupsDuring(() -> proxies.clientAddress("127.0.0.1", null, "999.1.1.1, 10.0.0.1"),
                "999.1.1.1");

        assertThat(address).isEqualTo("999.1.1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "0:0:0:0:0:0:0:1", "127.5.5.5"})
    void aLoopbackLiteralIsLoopback(String address) {
        assertThat(TrustedProxies.isLoopback(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.1", "::2", "10.0.0.1"})
    void anyOtherAddressIsNotLoopback(String address) {
        assertThat(TrustedProxies.isLoopback(address)).isFalse();
    }

    @Test
    void localhostIsANameNotALoopbackLiteral() {
        assertThat(lookupsDuring(() -> TrustedProxies.isLoopback("localhost"), "localhost")).isFalse();
        assertThat(TrustedProxies.isLoopback(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "2001:db8::zz", "proxy.invalid"})
    void anInvalidPatternIsRefusedByName(String pattern) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TrustedProxies(List.of("127.0.0.1", pattern)))
                .withMessageContaining(pattern);
    }

    /** What {@code call} answers, checking that it made the JDK look up no {@code name}. */
    private static <T> T lookupsDuring(Supplier<T> call, String name) {
        int before = RecordingResolver.lookups().size();
        T result = call.get();
        assertThat(RecordingResolver.lookups().subList(before, RecordingResolver.lookups().size()))
                .as("names looked up").doesNotContain(name);
        return result;
    }
}
