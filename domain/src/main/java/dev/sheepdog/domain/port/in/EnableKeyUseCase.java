package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.EndpointId;

/** Let a disabled key take requests again. */
public interface EnableKeyUseCase {

    void enableKey(EndpointId endpoint, String fingerprint, String actor);
}
