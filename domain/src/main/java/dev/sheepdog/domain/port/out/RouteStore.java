package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.RouteState;
import dev.sheepdog.domain.model.RouteStoreException;
import java.util.Optional;
import java.util.function.Function;

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
     * state or this one, whatever happens during the call. A blind write: whatever another gateway
     * sharing the store changed since is replaced; to change the stored state, use {@link #update(Function)}.
     *
     * @throws RouteStoreException when the state could not be stored; the previous one is then intact
     */
    void save(RouteState state);

    /**
     * Changes the stored state in one atomic step: {@code change} is given the state stored at this moment
     * (empty when none is), and what it returns is stored, with no other save or update in between, from
     * this process or any other sharing the store. {@code change} is called exactly once; when it returns
     * the state it was given, nothing need be written.
     *
     * @return the state stored after the change
     * @throws RouteStoreException when the store cannot be read or written; nothing is then changed. What
     *                             {@code change} throws is thrown as it is, and nothing is changed either
     */
    RouteState update(Function<Optional<RouteState>, RouteState> change);
}
