package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.WARNING;

import dev.sheepdog.domain.port.out.StoreChanges;
import dev.sheepdog.domain.model.StoreTopic;

/**
 * Keeps this gateway's keys and routing in step with the shared stores: on news of a change it
 * reads them again, and rests keys the fleet's other gateways were rate limited on. When the store cannot be read the gateway goes on with what it last knew, and
 * the next news (or the adapter's periodic safety net) tries again.
 */
public final class StoreChangeFollower {

    private static final System.Logger LOG = System.getLogger("sheepdog.fleet");

    private final KeyRing keys;
    private final RoutingState routing;

    public StoreChangeFollower(KeyRing keys, RoutingState routing) {
        this.keys = keys;
        this.routing = routing;
    }

    /** Starts following the news; call once, after start-up has read the stores. */
    public void follow(StoreChanges changes) {
        changes.subscribe(this::changed);
    }

    void changed(StoreTopic topic) {
        try {
            switch (topic) {
                case KEYS -> keys.reload();
                case ROUTES -> routing.reload();
                case KEY_RESTS -> keys.restAsTold();
            }
        } catch (RuntimeException e) {
            LOG.log(WARNING, "could not read the changed {0} from the shared store; going on with the last known: {1}",
                    topic.name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        }
    }
}
