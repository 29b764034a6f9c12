package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.ClientSecret;
import dev.sheepdog.domain.model.caller.Plan;
import java.time.Instant;
import java.util.Optional;

/** Make a client key; its secret is in the answer and nowhere else, ever. */
public interface AddClientUseCase {

    /** A key just made, with the one copy of its secret. */
    record NewClient(ClientKey key, ClientSecret secret) {
    }

    NewClient addClient(String name, Plan plan, Optional<Instant> expiresAt);
}
