package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import java.util.List;
import java.util.Optional;

/** Where client keys are kept, by id and by the hash of their secret; never the secret itself. */
public interface ClientStore {

    /** Stores a new key, or replaces the key with the same id. */
    void save(ClientKey key);

    Optional<ClientKey> find(ClientId id);

    /** The key whose secret hashes to {@code secretHash}: how a caller's bearer token is looked up. */
    Optional<ClientKey> findBySecretHash(String secretHash);

    /** Every key, revoked ones included, oldest first. */
    List<ClientKey> all();
}
