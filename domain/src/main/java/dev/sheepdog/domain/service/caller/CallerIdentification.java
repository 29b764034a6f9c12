package dev.sheepdog.domain.service.caller;

import dev.sheepdog.domain.model.caller.AccessDenied;
import dev.sheepdog.domain.model.caller.AccessDenied.Reason;
import dev.sheepdog.domain.model.caller.AccessPolicy;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.ClientSecret;
import dev.sheepdog.domain.model.caller.Credentials;
import dev.sheepdog.domain.model.caller.TokenRejected;
import dev.sheepdog.domain.model.caller.VerifiedUser;
import dev.sheepdog.domain.port.in.IdentifyCallerUseCase;
import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.UserTokenVerifier;
import java.time.Clock;
import java.util.Optional;

/**
 * Tells who is calling. A client key ({@code sk-sd-…}) or a user token that the gateway reads is
 * checked, and a bad one refused, never ignored. Any other bearer (OpenAI SDKs always send one) is
 * no credential at all: such a caller is the operator on the gateway's own machine, an anonymous
 * address where the operator opened the gateway, or refused with a message that says what to do.
 */
public final class CallerIdentification implements IdentifyCallerUseCase {

    static final String HOW_TO_GET_ACCESS = "This gateway needs credentials: send 'Authorization: Bearer "
            + "<client key>' with a key from the operator ('sheepdog clients add'), or a user token from the "
            + "product's login. An operator can instead serve anyone, with per-address limits, by starting it with "
            + "--allow-anonymous.";

    private final ClientStore clients;
    private final Optional<UserTokenVerifier> users;
    private final AccessPolicy policy;
    private final Clock clock;

    public CallerIdentification(ClientStore clients, Optional<UserTokenVerifier> users, AccessPolicy policy,
                                Clock clock) {
        this.clients = clients;
        this.users = users;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Caller identify(Credentials credentials) throws AccessDenied {
        Optional<String> bearer = credentials.bearer().map(String::strip).filter(token -> !token.isEmpty());
        if (bearer.isPresent() && ClientSecret.looksLikeOne(bearer.get())) {
            return Caller.client(clientKey(bearer.get()));
        }
        if (bearer.isPresent() && users.isPresent() && users.get().recognizes(bearer.get())) {
            return user(users.get(), bearer.get());
        }
        if (credentials.local()) {
            return Caller.LOCAL;
        }
        if (policy.anonymousAllowed()) {
            return Caller.anonymous(credentials.address(), policy.anonymousPlan());
        }
        throw new AccessDenied(Reason.CREDENTIALS_REQUIRED, HOW_TO_GET_ACCESS);
    }

    private ClientKey clientKey(String secret) throws AccessDenied {
        Optional<ClientKey> key = clients.findBySecretHash(ClientSecret.of(secret).hash());
        if (key.isEmpty()) {
            throw new AccessDenied(Reason.INVALID_CLIENT_KEY, "The client key is not known to this gateway.");
        }
        Optional<String> refusal = key.get().refusal(clock.instant());
        if (refusal.isPresent()) {
            throw new AccessDenied(Reason.INVALID_CLIENT_KEY, "The client key " + key.get().id() + " "
                    + refusal.get() + ".");
        }
        return key.get();
    }

    private Caller user(UserTokenVerifier verifier, String token) throws AccessDenied {
        try {
            VerifiedUser user = verifier.verify(token);
            return Caller.user(user.subject(), policy.planOf(user.plan()));
        } catch (TokenRejected e) {
            throw new AccessDenied(Reason.INVALID_TOKEN, e.getMessage());
        }
    }
}
