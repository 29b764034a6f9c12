package dev.sheepdog.adapter.out.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** What the HTTP side measures: streams open now, and the time the gateway itself adds before the first token. */
public final class StreamMetrics {

    private final AtomicInteger active = new AtomicInteger();
    private final Timer beforeUpstream;
    private final Timer afterFirstToken;

    public StreamMetrics(MeterRegistry registry) {
        Gauge.builder("sheepdog.active.streams", active, AtomicInteger::get)
                .description("Streams open to clients now").register(registry);
        this.beforeUpstream = added(registry, "before_upstream");
        this.afterFirstToken = added(registry, "after_first_token");
    }

    public void streamOpened() {
        active.incrementAndGet();
    }

    public void streamClosed() {
        active.decrementAndGet();
    }

    /**
     * @param beforeUpstream from receiving the request to sending it to the provider
     * @param afterUpstream  from the provider's first chunk to the client having it
     */
    public void firstChunkDelivered(Duration beforeUpstream, Duration afterUpstream) {
        this.beforeUpstream.record(beforeUpstream);
        this.afterFirstToken.record(afterUpstream);
    }

    private static Timer added(MeterRegistry registry, String stage) {
        return Timer.builder("sheepdog.added.latency").description("The latency the gateway adds before the first token")
                .tag("stage", stage).serviceLevelObjectives(Buckets.ADDED).register(registry);
    }
}
