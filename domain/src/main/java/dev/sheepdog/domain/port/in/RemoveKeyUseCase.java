package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.EndpointId;

/** Remove a key from its pool and the store; streams using it finish. */
public interface RemoveKeyUseCase {

    void removeKey(EndpointId endpoint, String fingerprint, String actor);
}
