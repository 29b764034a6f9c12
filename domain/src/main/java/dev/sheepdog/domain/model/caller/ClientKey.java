package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A client key as stored: who it is for, what it may do, and the hash of its secret (never the
 * secret). A revoked key never comes back; a disabled one can be enabled again.
 *
 * @param secretHash the hex SHA-256 of the secret ({@link ClientSecret#hash()})
 * @param hint       the secret's first characters, to tell keys apart
 */
public record ClientKey(ClientId id, String name, String secretHash, String hint, Plan plan,
                        Optional<Instant> expiresAt, boolean enabled, Instant createdAt,
                        Optional<Instant> revokedAt) {

    public ClientKey {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a client key's name is 1 to 100 printable characters");
        }
        requireNonNull(secretHash, "secretHash");
        if (!secretHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a secret hash is 64 hex digits");
        }
        requireNonNull(hint, "hint");
        requireNonNull(plan, "plan");
        requireNonNull(expiresAt, "expiresAt");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(revokedAt, "revokedAt");
    }

    /** Why this key may not be used at {@code now}, or empty when it may. */
    public Optional<String> refusal(Instant now) {
        if (revokedAt.isPresent()) {
            return Optional.of("was revoked");
        }
        if (!enabled) {
            return Optional.of("is disabled");
        }
        if (expiresAt.isPresent() && !now.isBefore(expiresAt.get())) {
            return Optional.of("has expired");
        }
        return Optional.empty();
    }

    public ClientKey withPlan(Plan other) {
        return new ClientKey(id, name, secretHash, hint, other, expiresAt, enabled, createdAt, revokedAt);
    }

    public ClientKey withName(String other) {
        return new ClientKey(id, other, secretHash, hint, plan, expiresAt, enabled, createdAt, revokedAt);
    }

    public ClientKey withExpiry(Optional<Instant> other) {
        return new ClientKey(id, name, secretHash, hint, plan, other, enabled, createdAt, revokedAt);
    }

    public ClientKey withEnabled(boolean other) {
        return new ClientKey(id, name, secretHash, hint, plan, expiresAt, other, createdAt, revokedAt);
    }

    public ClientKey revoked(Instant at) {
        return new ClientKey(id, name, secretHash, hint, plan, expiresAt, false, createdAt,
                Optional.of(revokedAt.orElse(at)));
    }
}
