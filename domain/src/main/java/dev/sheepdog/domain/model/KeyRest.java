package dev.sheepdog.domain.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A provider key resting for one model after the provider rate limited it, as gateways of a fleet tell
 * each other: how long it still rests from now, so that their clocks need not agree.
 *
 * @param model     the model it rests for; empty for a call tied to no model
 * @param remaining how long from now it rests; positive
 */
public record KeyRest(EndpointId endpoint, String fingerprint, String model, Duration remaining) {

    public KeyRest {
        requireNonNull(endpoint, "endpoint");
        requireNonNull(fingerprint, "fingerprint");
        requireNonNull(model, "model");
        requireNonNull(remaining, "remaining");
        if (remaining.isNegative() || remaining.isZero()) {
            throw new IllegalArgumentException("a rest must last: " + remaining);
        }
    }
}
