package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStatus;

/** Add a key to an endpoint's pool, once the provider has accepted it. */
public interface AddKeyUseCase {

    KeyStatus addKey(EndpointId endpoint, ApiKey key, String actor);
}
