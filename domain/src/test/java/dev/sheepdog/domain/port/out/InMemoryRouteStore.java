package dev.sheepdog.domain.port.out;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.RouteState;
import java.util.Optional;
import java.util.function.Function;

/** A {@link RouteStore} in memory for tests: keeps the last saved state, forgets it with the object. */
public final class InMemoryRouteStore implements RouteStore {

    // A RouteState is immutable all the way down, so keeping the instance is keeping a copy.
    private RouteState state;

    @Override
    public synchronized Optional<RouteState> load() {
        return Optional.ofNullable(state);
    }

    @Override
    public synchronized void save(RouteState state) {
        this.state = requireNonNull(state, "state");
    }

    /** Atomic by the store's lock, which every other method takes too. */
    @Override
    public synchronized RouteState update(Function<Optional<RouteState>, RouteState> change) {
        state = requireNonNull(change.apply(Optional.ofNullable(state)), "changed state");
        return state;
    }
}
