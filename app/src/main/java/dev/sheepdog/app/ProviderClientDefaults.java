package dev.sheepdog.app;

import java.util.Properties;

/**
 * JVM settings for the HTTP client the provider adapters read streams with, applied at start unless
 * the operator set them ({@code -Djdk.httpclient.bufsize=…} wins).
 */
final class ProviderClientDefaults {

    /**
     * The JDK HttpClient's read buffer per connection. Its 16 KB default is held by every open stream
     * for as long as it lasts, while a provider's events are a few hundred bytes: at 4 KB, 2,000 idle
     * streams through a real upstream hold 46 instead of 58 KB of live heap each, for the same CPU per
     * request (paced and burst C=64, interleaved A/B; docs/PERFORMANCE.md).
     */
    static final String READ_BUFFER_BYTES = "4096";

    private ProviderClientDefaults() {
    }

    /** Sets the defaults that are not set yet; must run before the first HTTP client is built. */
    static void apply(Properties system) {
        system.putIfAbsent("jdk.httpclient.bufsize", READ_BUFFER_BYTES);
    }
}
