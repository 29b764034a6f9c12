package dev.sheepdog.adapter.in.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How the HTTP API listens and behaves.
 *
 * @param host              the interface to bind, e.g. {@code 0.0.0.0}
 * @param port              the port, or 0 for any free one
 * @param maxBodyBytes      the largest request body accepted; larger ones get 413
 * @param heartbeatInterval how long a stream may stay silent before a {@code : ping} comment is sent
 * @param shutdownGrace     how long open streams may run on after a stop is asked for
 * @param corsOrigins       browser origins allowed to call {@code /v1} from another site, e.g.
 *                          {@code https://writer.example.com}; none by default
 */
public record HttpSettings(String host, int port, long maxBodyBytes, Duration heartbeatInterval,
                           Duration shutdownGrace, List<String> corsOrigins) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public HttpSettings {
        requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be positive");
        }
        requireNonNull(heartbeatInterval, "heartbeatInterval");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("the heartbeat interval must be positive");
        }
        requireNonNull(shutdownGrace, "shutdownGrace");
        corsOrigins = List.copyOf(corsOrigins);
        corsOrigins.forEach(origin -> {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("a CORS origin is a scheme and host, like https://app.example.com: "
                        + origin);
            }
        });
    }

    /** Settings that allow no other site's pages to call the API. */
    public HttpSettings(String host, int port, long maxBodyBytes, Duration heartbeatInterval, Duration shutdownGrace) {
        this(host, port, maxBodyBytes, heartbeatInterval, shutdownGrace, List.of());
    }

    public static HttpSettings defaults(int port) {
        return new HttpSettings("0.0.0.0", port, DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(15), Duration.ofSeconds(10));
    }
}
