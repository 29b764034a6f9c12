package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.caller.TokenRejected;
import dev.sheepdog.domain.model.caller.VerifiedUser;

/** Checks a user token the product's own login issued, and says whose it is. */
public interface UserTokenVerifier {

    /** Whether {@code bearer} has the shape of a token this verifier reads, so a bad one is refused, not ignored. */
    boolean recognizes(String bearer);

    /** The user the token was issued to; {@link TokenRejected} with a reason a caller may read otherwise. */
    VerifiedUser verify(String bearer) throws TokenRejected;
}
