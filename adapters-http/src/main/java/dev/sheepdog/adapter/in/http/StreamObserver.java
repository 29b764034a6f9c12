package dev.sheepdog.adapter.in.http;

import java.time.Duration;

/** Hears what only the HTTP side can measure: streams open to clients, and the latency the gateway adds. */
public interface StreamObserver {

    void streamOpened();

    void streamClosed();

    /**
     * @param beforeUpstream from receiving the request to having sent it to the provider
     * @param afterUpstream  from the provider's first chunk reaching the gateway to its being flushed to the client
     */
    void firstChunkDelivered(Duration beforeUpstream, Duration afterUpstream);

    /** An observer that ignores everything. */
    StreamObserver NONE = new StreamObserver() {
        @Override
        public void streamOpened() {
        }

        @Override
        public void streamClosed() {
        }

        @Override
        public void firstChunkDelivered(Duration beforeUpstream, Duration afterUpstream) {
        }
    };
}
