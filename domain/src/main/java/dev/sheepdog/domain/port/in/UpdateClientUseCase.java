package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.caller.ClientChange;
import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;

/** Change a client key's name, models, limits, expiry or enabled flag; its secret stays. */
public interface UpdateClientUseCase {

    /** The key as changed; {@link java.util.NoSuchElementException} for an unknown id, {@link IllegalStateException} for a revoked key. */
    ClientKey updateClient(ClientId id, ClientChange change);
}
