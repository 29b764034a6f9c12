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
 * @param validationTimeout how long a key's check with {@code GET /models} may take (a new key's, or
 *                        a key the provider refused on a completion)
 * @param recheckAfter    how long the outcome of such a check of a refused key stands: meanwhile
 *                        another 401/403 is judged by it, with no new call to the provider
 */
public record KeyPolicy(Duration probation, Duration retireGrace, Duration defaultCooldown,
                        Duration validationTimeout, Duration recheckAfter) {

    public static final KeyPolicy DEFAULT = new KeyPolicy(Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(30));

    public KeyPolicy {
        requireNonNull(probation, "probation");
        requireNonNull(retireGrace, "retireGrace");
        requireNonNull(defaultCooldown, "defaultCooldown");
        requireNonNull(validationTimeout, "validationTimeout");
        requireNonNull(recheckAfter, "recheckAfter");
        if (retireGrace.compareTo(probation) < 0) {
            throw new IllegalArgumentException("the retire grace cannot be shorter than the probation");
        }
    }
}
