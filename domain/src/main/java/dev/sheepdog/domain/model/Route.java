package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Where one request goes: the endpoints to try in order until one answers, and the shadow that
 * gets a copy, if the request was picked for one.
 */
public record Route(List<Endpoint> attempts, Optional<Endpoint> shadow) {

    public Route {
        attempts = List.copyOf(attempts);
        requireNonNull(shadow, "shadow");
    }
}
