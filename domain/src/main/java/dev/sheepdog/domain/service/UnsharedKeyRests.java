package dev.sheepdog.domain.service;

import dev.sheepdog.domain.model.KeyRest;
import dev.sheepdog.domain.port.out.KeyRests;
import java.util.List;

/** The key rests of a gateway alone: nobody to tell, so a rest stays with the gateway that heard the 429. */
public final class UnsharedKeyRests implements KeyRests {

    public static final UnsharedKeyRests INSTANCE = new UnsharedKeyRests();

    private UnsharedKeyRests() {
    }

    @Override
    public void tell(KeyRest rest) {
    }

    @Override
    public List<KeyRest> current() {
        return List.of();
    }
}
