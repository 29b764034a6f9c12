package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.AccessDenied;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.Credentials;
import dev.sheepdog.domain.port.in.IdentifyCallerUseCase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The caller use case as the adapter sees it: records the credentials it is shown, answers as scripted. */
final class ScriptedCallers implements IdentifyCallerUseCase {

    private final List<Credentials> shown = new CopyOnWriteArrayList<>();
    private volatile Caller caller = Caller.LOCAL;
    private volatile AccessDenied refusal;

    void answer(Caller next) {
        this.caller = next;
    }

    void refuse(AccessDenied.Reason reason, String message) {
        this.refusal = new AccessDenied(reason, message);
    }

    @Override
    public Caller identify(Credentials credentials) throws AccessDenied {
        shown.add(credentials);
        if (refusal != null) {
            throw refusal;
        }
        return caller;
    }

    Credentials onlyCredentials() {
        assertThat(shown).as("credentials shown to the caller use case").hasSize(1);
        return shown.getFirst();
    }

    CallerAuthentication trusting(String... proxies) {
        return new CallerAuthentication(this, new TrustedProxies(List.of(proxies)));
    }
}
