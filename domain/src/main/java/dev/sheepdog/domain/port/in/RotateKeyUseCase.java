package dev.sheepdog.domain.port.in;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyStatus;

/**
 * Replace a key with a new one without dropping a stream. The new key is checked with the provider
 * and stored before it takes traffic; streams on the old key finish on it.
 */
public interface RotateKeyUseCase {

    KeyStatus rotateKey(EndpointId endpoint, String oldFingerprint, ApiKey newKey, String actor);
}
