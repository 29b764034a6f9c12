package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStatus;
import java.util.List;
import java.util.Map;

/** List the keys of every endpoint as an operator may see them: never the secret. */
public interface ListKeysUseCase {

    Map<EndpointId, List<KeyStatus>> listKeys();
}
