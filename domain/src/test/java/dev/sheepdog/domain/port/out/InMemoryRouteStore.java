package dev.sheepdog.domain.port.out;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.RouteState;
import java.util.Optional;

/** A {@link RouteStore} in memory for tests: keeps the last saved state, forgets it with the object. */
public final class InMemoryRouteStore implements RouteStore {

    // A RouteState is immutable all the way down, so keeping the instance is keeping a copy.
    private volatile RouteState state;

    @Override
    public Optional<RouteState> load() {
        return Optional.ofNullable(state);
    }

    @Override
    public void save(RouteState state) {
        this.state = requireNonNull(state, "state");
    }
}
