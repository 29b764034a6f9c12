package dev.sheepdog.adapter.in.http;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.domain.port.in.AddClientUseCase;
import dev.sheepdog.domain.port.in.ListClientsUseCase;
import dev.sheepdog.domain.port.in.RevokeClientUseCase;
import dev.sheepdog.domain.port.in.UpdateClientUseCase;
import dev.sheepdog.domain.port.in.ViewCallerStandingUseCase;
import dev.sheepdog.domain.port.in.ViewUsageUseCase;
import java.util.Map;

/**
 * The client-key and usage use cases the admin API calls.
 *
 * @param plans the plans configured by name, which a new key may start from
 */
public record ClientAdministration(AddClientUseCase add, ListClientsUseCase list, UpdateClientUseCase update,
                                   RevokeClientUseCase revoke, ViewCallerStandingUseCase standing,
                                   ViewUsageUseCase usage, Map<String, Plan> plans) {

    public ClientAdministration {
        requireNonNull(add, "add");
        requireNonNull(list, "list");
        requireNonNull(update, "update");
        requireNonNull(revoke, "revoke");
        requireNonNull(standing, "standing");
        requireNonNull(usage, "usage");
        plans = Map.copyOf(plans);
    }
}
