package dev.sheepdog.domain.service.caller;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.port.out.ClientStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fleet's client keys as one gateway looks them up through an outage of the shared database. While
 * the store answers, every lookup asks it, so a key revoked anywhere is refused at once; this only
 * remembers what each secret's lookup last found. While the store cannot answer, a secret this gateway
 * has seen is judged by the key it last found (its plan, expiry, revocation as they were then), and one
 * it has never seen is refused as the store's failure. Said loudly once per outage.
 */
public final class LastKnownClients implements ClientStore {

    private static final System.Logger LOG = System.getLogger("sheepdog.clients");

    /** Past this many remembered keys the memory starts again: a key is remembered on its next lookup. */
    static final int MAX_REMEMBERED = 100_000;

    private final ClientStore store;
    private final Map<String, ClientKey> bySecretHash = new ConcurrentHashMap<>();
    private final AtomicBoolean fromMemory = new AtomicBoolean();

    public LastKnownClients(ClientStore store) {
        this.store = requireNonNull(store, "store");
    }

    @Override
    public Optional<ClientKey> findBySecretHash(String secretHash) {
        Optional<ClientKey> found;
        try {
            found = store.findBySecretHash(secretHash);
        } catch (CallerStoreException e) {
            ClientKey known = bySecretHash.get(secretHash);
            if (known == null) {
                throw e;
            }
            if (fromMemory.compareAndSet(false, true)) {
                LOG.log(WARNING, "CLIENT KEYS FROM MEMORY: the shared store cannot be read ({0}); client keys this "
                        + "gateway has seen are judged as it last found them, others are refused", e.getMessage());
            }
            return Optional.of(known);
        }
        if (fromMemory.compareAndSet(true, false)) {
            LOG.log(INFO, "client keys are read from the shared store again");
        }
        found.ifPresentOrElse(this::remember, () -> bySecretHash.remove(secretHash));
        return found;
    }

    @Override
    public void save(ClientKey key) {
        store.save(key);
        bySecretHash.computeIfPresent(key.secretHash(), (hash, known) -> key);
    }

    @Override
    public Optional<ClientKey> find(ClientId id) {
        return store.find(id);
    }

    @Override
    public List<ClientKey> all() {
        return store.all();
    }

    private void remember(ClientKey key) {
        if (bySecretHash.size() >= MAX_REMEMBERED && !bySecretHash.containsKey(key.secretHash())) {
            bySecretHash.clear();
        }
        bySecretHash.put(key.secretHash(), key);
    }
}
