package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A user whose token the product's login signed: its subject, and the plan its token names.
 *
 * @param plan the value of the configured plan claim, when the token has one
 */
public record VerifiedUser(String subject, Optional<String> plan) {

    public VerifiedUser {
        requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a verified user needs a subject");
        }
        requireNonNull(plan, "plan");
    }
}
