package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.EndpointId;

/** Stop a key from taking new requests. */
public interface DisableKeyUseCase {

    void disableKey(EndpointId endpoint, String fingerprint, String actor);
}
