package dev.sheepdog.domain.port.out;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link ClientStore} in memory for tests: safe from many threads, forgets everything with the object. */
public final class InMemoryClientStore implements ClientStore {

    private final ConcurrentMap<ClientId, ClientKey> keys = new ConcurrentHashMap<>();

    @Override
    public void save(ClientKey key) {
        requireNonNull(key, "key");
        keys.put(key.id(), key);
    }

    @Override
    public Optional<ClientKey> find(ClientId id) {
        return Optional.ofNullable(keys.get(requireNonNull(id, "id")));
    }

    @Override
    public Optional<ClientKey> findBySecretHash(String secretHash) {
        requireNonNull(secretHash, "secretHash");
        return keys.values().stream().filter(key -> key.secretHash().equals(secretHash)).findFirst();
    }

    @Override
    public List<ClientKey> all() {
        return keys.values().stream()
                .sorted(Comparator.comparing(ClientKey::createdAt).thenComparing(key -> key.id().value()))
                .toList();
    }
}
