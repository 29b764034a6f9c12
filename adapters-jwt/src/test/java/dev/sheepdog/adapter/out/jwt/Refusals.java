package dev.sheepdog.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sheepdog.domain.model.caller.TokenRejected;
import dev.sheepdog.domain.port.out.UserTokenVerifier;

/** Asserts a refusal's exact words, and that they leak neither the token nor a Java class name. */
final class Refusals {

    private Refusals() {
    }

    static void assertRefused(UserTokenVerifier verifier, String token, String message) {
        TokenRejected refusal = catchThrowableOfType(TokenRejected.class, () -> verifier.verify(token));
        assertThat(refusal).as("refusal of the token").isNotNull();
        assertThat(refusal.getMessage()).isEqualTo(message);
        assertThat(refusal.getMessage()).doesNotContain(token).doesNotContain("Exception").doesNotContain("com.");
        assertThat(refusal.getCause()).isNull();
    }
}
