package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProviderClientDefaultsTest {

    @Test
    void givesTheProviderClientA4KbReadBufferUnlessTheOperatorChoseOne() {
        Properties unset = new Properties();
        Properties chosen = new Properties();
        chosen.setProperty("jdk.httpclient.bufsize", "16384");

        ProviderClientDefaults.apply(unset);
        ProviderClientDefaults.apply(chosen);

        assertThat(unset.getProperty("jdk.httpclient.bufsize")).isEqualTo("4096");
        assertThat(chosen.getProperty("jdk.httpclient.bufsize")).isEqualTo("16384");
    }
}
