package dev.sheepdog.adapter.in.http;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

/**
 * How the HTTP side takes part in metrics: what it serves at {@code /metrics}, and whom it tells
 * about streams.
 *
 * @param scrape the current metrics in Prometheus' text format
 */
public record Observability(Supplier<String> scrape, StreamObserver streams) {

    public Observability {
        requireNonNull(scrape, "scrape");
        requireNonNull(streams, "streams");
    }
}
