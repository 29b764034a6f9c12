package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.KeyRest;
import java.util.List;

/**
 * Where the gateways of a fleet tell each other which keys rest for which models after a provider's 429,
 * so that one 429 rests the key for the whole fleet instead of costing every gateway one of its own. A
 * gateway alone has nobody to tell ({@code UnsharedKeyRests}). News of a rest comes as {@code StoreTopic.KEY_RESTS}.
 */
public interface KeyRests {

    /** Tells the fleet the key rests for the model; a longer rest already told stands. */
    void tell(KeyRest rest);

    /** The rests not over yet, each with how long it still lasts. */
    List<KeyRest> current();
}
