package dev.sheepdog.adapter.in.http;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the HTTP side takes part in metrics: what it serves at {@code /metrics}, whom it tells
 * about streams, and the bearer token a scraper must send, if any.
 *
 * @param scrape the current metrics in Prometheus' text format
 * @param token  when present, {@code /metrics} answers only requests that carry it
 */
public record Observability(Supplier<String> scrape, StreamObserver streams, Optional<String> token) {

    public Observability {
        requireNonNull(scrape, "scrape");
        requireNonNull(streams, "streams");
        requireNonNull(token, "token");
        if (token.isPresent() && token.get().isBlank()) {
            throw new IllegalArgumentException("the metrics token must not be blank");
        }
    }

    /** Metrics open to anyone who can reach the port. */
    public Observability(Supplier<String> scrape, StreamObserver streams) {
        this(scrape, streams, Optional.empty());
    }

    @Override
    public String toString() {
        return "Observability[token=" + (token.isPresent() ? "****" : "none") + "]";
    }
}
