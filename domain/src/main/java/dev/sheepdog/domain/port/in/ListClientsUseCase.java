package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import java.util.List;
import java.util.Optional;

/** See the client keys, without their secrets. */
public interface ListClientsUseCase {

    List<ClientKey> listClients();

    Optional<ClientKey> findClient(ClientId id);
}
