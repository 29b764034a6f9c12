package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.StoreTopic;
import java.util.function.Consumer;

/**
 * News that the shared stores changed: what a fleet of gateways needs so that a key rotated, a
 * weight set or a canary promoted through one of them is used by all. A gateway with stores of its
 * own hears nothing ({@link #NONE}); a shared database tells every gateway, including the one that
 * made the change, and also now and then with no change at all, as a safety net for news lost
 * while it was unreachable.
 */
public interface StoreChanges {

    /** For stores no other gateway writes to. */
    StoreChanges NONE = listener -> {
    };

    /** Calls {@code listener} after each change, on a thread of the adapter's; it must not block for long. */
    void subscribe(Consumer<StoreTopic> listener);
}
