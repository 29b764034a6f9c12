package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.Limits;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Change a client key's name, models, limits, expiry or enabled flag; its secret stays. */
public interface UpdateClientUseCase {

    /**
     * What to change: each present field replaces the key's; {@code limits} replaces only the
     * bounds it sets. {@code clearExpiry} removes an expiry.
     */
    record ClientChange(Optional<String> name, Optional<Set<String>> models, Optional<Limits> limits,
                        Optional<Instant> expiresAt, boolean clearExpiry, Optional<Boolean> enabled) {
    }

    /** The key as changed; {@link java.util.NoSuchElementException} for an unknown id, {@link IllegalStateException} for a revoked key. */
    ClientKey updateClient(ClientId id, ClientChange change);
}
