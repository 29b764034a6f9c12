package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RouteStoreException;
import java.util.Optional;

/** Traffic routing's memory: the rollout's state, kept across restarts and shared by gateways. */
public interface RouteStore {

    /**
     * The last saved state, or empty when none was ever saved.
     *
     * @throws RouteStoreException when what is stored cannot be read; never an empty result instead
     */
    Optional<RouteState> load();

    /**
     * Replaces the stored state, atomically: a later {@link #load()} returns either the previous
     * state or this one, whatever happens during the call.
     *
     * @throws RouteStoreException when the state could not be stored; the previous one is then intact
     */
    void save(RouteState state);
}
