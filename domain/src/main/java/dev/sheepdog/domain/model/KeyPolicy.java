package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How keys are handled in traffic and in rotations.
 *
 * @param probation       how long a rotated-in key is watched: if the provider refuses it meanwhile,
 *                        the key it replaced comes back
 * @param retireGrace     the longest a retiring key is kept for streams still using it
 * @param defaultCooldown how long a rate-limited key rests when the provider did not say
 * @param validationTimeout how long a new key's check with {@code GET /models} may take
 */
public record KeyPolicy(Duration probation, Duration retireGrace, Duration defaultCooldown,
                        Duration validationTimeout) {

    public static final KeyPolicy DEFAULT = new KeyPolicy(
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofSeconds(5));

    public KeyPolicy {
        requireNonNull(probation, "probation");
        requireNonNull(retireGrace, "retireGrace");
        requireNonNull(defaultCooldown, "defaultCooldown");
        requireNonNull(validationTimeout, "validationTimeout");
        if (retireGrace.compareTo(probation) < 0) {
            throw new IllegalArgumentException("the retire grace cannot be shorter than the probation");
        }
    }
}
