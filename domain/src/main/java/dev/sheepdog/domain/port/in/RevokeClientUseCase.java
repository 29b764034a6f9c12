package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;

/** Revoke a client key for good: its next request is refused. */
public interface RevokeClientUseCase {

    /** The revoked key; {@link java.util.NoSuchElementException} for an unknown id. */
    ClientKey revokeClient(ClientId id);
}
