package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

/** A client key just made, with the one copy of its secret there will ever be. */
public record NewClient(ClientKey key, ClientSecret secret) {

    public NewClient {
        requireNonNull(key, "key");
        requireNonNull(secret, "secret");
    }
}
