package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

/** A model a provider offers, as listed by {@code GET /v1/models}. */
public record ModelInfo(String id, String ownedBy) {

    public ModelInfo {
        requireNonNull(id, "id");
        requireNonNull(ownedBy, "ownedBy");
    }
}
