package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.caller.NewClient;
import dev.sheepdog.domain.model.caller.Plan;
import java.time.Instant;
import java.util.Optional;

/** Make a client key; its secret is in the answer and nowhere else, ever. */
public interface AddClientUseCase {

    NewClient addClient(String name, Plan plan, Optional<Instant> expiresAt);
}
