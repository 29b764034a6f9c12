package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.caller.AccessDenied;
import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.Credentials;

/** Tell who is calling from what a request shows, or refuse it. */
public interface IdentifyCallerUseCase {

    Caller identify(Credentials credentials) throws AccessDenied;
}
