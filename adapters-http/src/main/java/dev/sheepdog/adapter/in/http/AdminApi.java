package dev.sheepdog.adapter.in.http;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.port.in.ViewSpendUseCase;

/**
 * The operator's API under {@code /admin}: it exists only when a token is configured, and every
 * call must carry it as {@code Authorization: Bearer <token>}.
 */
public record AdminApi(String token, KeyAdministration keys, TrafficAdministration traffic, ViewSpendUseCase spend,
                       ClientAdministration clients) {

    public AdminApi {
        requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be blank");
        }
        requireNonNull(keys, "keys");
        requireNonNull(traffic, "traffic");
        requireNonNull(spend, "spend");
        requireNonNull(clients, "clients");
    }

    @Override
    public String toString() {
        return "AdminApi[token=****]";
    }
}
