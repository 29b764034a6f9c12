package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What to change of a client key: each present field replaces the key's; {@code limits} replaces
 * only the bounds it sets. {@code clearExpiry} removes an expiry.
 */
public record ClientChange(Optional<String> name, Optional<Set<String>> models, Optional<Limits> limits,
                           Optional<Instant> expiresAt, boolean clearExpiry, Optional<Boolean> enabled) {

    public ClientChange {
        requireNonNull(name, "name");
        requireNonNull(models, "models");
        requireNonNull(limits, "limits");
        requireNonNull(expiresAt, "expiresAt");
        requireNonNull(enabled, "enabled");
    }
}
