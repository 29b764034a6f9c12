package dev.sheepdog.adapter.in.http;

import static java.util.Objects.requireNonNull;

/**
 * The operator's API under {@code /admin}: it exists only when a token is configured, and every
 * call must carry it as {@code Authorization: Bearer <token>}.
 */
public record AdminApi(String token, KeyAdministration keys, TrafficAdministration traffic) {

    public AdminApi {
        requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be blank");
        }
        requireNonNull(keys, "keys");
        requireNonNull(traffic, "traffic");
    }

    @Override
    public String toString() {
        return "AdminApi[token=****]";
    }
}
