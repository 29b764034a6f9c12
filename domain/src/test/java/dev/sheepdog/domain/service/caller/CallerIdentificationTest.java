package dev.sheepdog.domain.service.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.caller.AccessDenied;
import dev.sheepdog.domain.model.caller.AccessPolicy;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.CallerKind;
import dev.sheepdog.domain.model.caller.Credentials;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.domain.model.caller.TokenRejected;
import dev.sheepdog.domain.model.caller.VerifiedUser;
import dev.sheepdog.domain.model.caller.NewClient;
import dev.sheepdog.domain.port.out.InMemoryClientStore;
import dev.sheepdog.domain.port.out.UserTokenVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerIdentificationTest {

    private static final Plan ANONYMOUS = new Plan("anonymous", Limits.NONE, Set.of());
    private static final Plan FREE = new Plan("free", Limits.NONE, Set.of("deepseek-v3.2"));

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryClientStore store = new InMemoryClientStore();
    private final ClientKeyService clients = new ClientKeyService(store, clock);

    private CallerIdentification identification(boolean anonymousAllowed, Optional<UserTokenVerifier> users) {
        return new CallerIdentification(store, users, new AccessPolicy(anonymousAllowed, ANONYMOUS,
                Map.of("free", FREE), ANONYMOUS), clock);
    }

    private static Credentials remote(String bearer) {
        return new Credentials(Optional.ofNullable(bearer), "203.0.113.7", false);
    }

    @Test
    void servesALoopbackCallerWithNoCredentialsAsTheLocalOperator() throws AccessDenied {
        Caller caller = identification(false, Optional.empty())
                .identify(new Credentials(Optional.empty(), "127.0.0.1", true));

        assertThat(caller).isEqualTo(Caller.LOCAL);
    }

    @Test
    void refusesARemoteCallerWithNoCredentialsAndSaysHowToGetAccess() {
        assertThatThrownBy(() -> identification(false, Optional.empty()).identify(remote(null)))
                .isInstanceOf(AccessDenied.class)
                .hasMessageContaining("client key").hasMessageContaining("--allow-anonymous")
                .extracting(e -> ((AccessDenied) e).reason()).isEqualTo(AccessDenied.Reason.CREDENTIALS_REQUIRED);
    }

    @Test
    void ignoresABearerThatIsNeitherAClientKeyNorAUserToken() throws AccessDenied {
        Caller caller = identification(true, Optional.empty()).identify(remote("sk-openai-sdk-placeholder"));

        assertThat(caller.kind()).isEqualTo(CallerKind.ANONYMOUS);
        assertThat(caller.account()).isEqualTo("address:203.0.113.7");
        assertThat(caller.plan()).isEqualTo(ANONYMOUS);
    }

    @Test
    void namesAClientKeysCallerByTheKeyNotByTheAddress() throws AccessDenied {
        NewClient made = clients.addClient("writer-web", FREE, Optional.empty());

        Caller caller = identification(false, Optional.empty()).identify(remote(made.secret().reveal()));

        assertThat(caller.account()).isEqualTo("client:" + made.key().id().value());
        assertThat(caller.name()).isEqualTo("writer-web");
        assertThat(caller.plan()).isEqualTo(FREE);
    }

    @Test
    void refusesAnUnknownClientKeyEvenOnLoopback() {
        assertThatThrownBy(() -> identification(true, Optional.empty()).identify(
                new Credentials(Optional.of("sk-sd-not-a-key"), "127.0.0.1", true)))
                .isInstanceOf(AccessDenied.class).hasMessage("The client key is not known to this gateway.");
    }

    @Test
    void refusesARevokedKeyOnItsNextRequestWhileOtherKeysGoOn() throws AccessDenied {
        NewClient revoked = clients.addClient("gone", FREE, Optional.empty());
        NewClient kept = clients.addClient("kept", FREE, Optional.empty());
        CallerIdentification identification = identification(false, Optional.empty());
        identification.identify(remote(revoked.secret().reveal()));

        clients.revokeClient(revoked.key().id());

        assertThatThrownBy(() -> identification.identify(remote(revoked.secret().reveal())))
                .hasMessageContaining("was revoked");
        assertThat(identification.identify(remote(kept.secret().reveal())).name()).isEqualTo("kept");
    }

    @Test
    void refusesAnExpiredKey() {
        NewClient made = clients.addClient("trial", FREE, Optional.of(clock.instant().plus(Duration.ofHours(1))));
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> identification(false, Optional.empty()).identify(remote(made.secret().reveal())))
                .hasMessageContaining("has expired");
    }

    @Test
    void givesAVerifiedUserThePlanItsTokenNames() throws AccessDenied {
        Caller caller = identification(false, Optional.of(verifier(new VerifiedUser("alice", Optional.of("free")))))
                .identify(remote("a.b.c"));

        assertThat(caller.account()).isEqualTo("user:alice");
        assertThat(caller.plan()).isEqualTo(FREE);
    }

    @Test
    void givesAUserWhoseTokenNamesNoKnownPlanTheDefaultPlan() throws AccessDenied {
        Caller caller = identification(false, Optional.of(verifier(new VerifiedUser("bob", Optional.of("gold")))))
                .identify(remote("a.b.c"));

        assertThat(caller.plan()).isEqualTo(ANONYMOUS);
    }

    @Test
    void refusesAUserTokenThatDoesNotVerifyWithTheVerifiersReason() {
        UserTokenVerifier rejecting = new UserTokenVerifier() {
            @Override
            public boolean recognizes(String bearer) {
                return true;
            }

            @Override
            public VerifiedUser verify(String bearer) throws TokenRejected {
                throw new TokenRejected("The token has expired.");
            }
        };

        assertThatThrownBy(() -> identification(true, Optional.of(rejecting)).identify(remote("a.b.c")))
                .isInstanceOf(AccessDenied.class).hasMessage("The token has expired.")
                .extracting(e -> ((AccessDenied) e).reason()).isEqualTo(AccessDenied.Reason.INVALID_TOKEN);
    }

    private static UserTokenVerifier verifier(VerifiedUser user) {
        return new UserTokenVerifier() {
            @Override
            public boolean recognizes(String bearer) {
                return bearer.chars().filter(c -> c == '.').count() == 2;
            }

            @Override
            public VerifiedUser verify(String bearer) {
                return user;
            }
        };
    }
}
