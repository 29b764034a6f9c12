package dev.sheepdog.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's hold on a key. The key stays usable by this request whatever happens to it in
 * the pool (a rotation, a removal); releasing the lease is what lets a retiring key go.
 */
public final class KeyLease {

    private final KeyPool pool;
    private final PooledKey pooled;
    private final String model;
    private final AtomicBoolean released = new AtomicBoolean();

    KeyLease(KeyPool pool, PooledKey pooled, String model) {
        this.pool = pool;
        this.pooled = pooled;
        this.model = model;
    }

    /** A lease on no key, for an endpoint that needs none. */
    public static KeyLease none() {
        return new KeyLease(null, null, "");
    }

    public ApiKey key() {
        return pooled == null ? ApiKey.NONE : pooled.key;
    }

    public Optional<EndpointId> endpoint() {
        return pool == null ? Optional.empty() : Optional.of(pool.endpoint());
    }

    /** The provider refused the key (401/403): it is disabled, or a rotation is rolled back. */
    public void refused(int status, Instant now) {
        if (pool != null) {
            pool.refused(pooled, status, now);
        }
    }

    /**
     * The provider rate limited the key (429) for the model it was leased for: the key rests for
     * that model, for the wait the provider asked or the default, and still takes other models.
     */
    public void rateLimited(Optional<Duration> wait, Instant now) {
        if (pool != null) {
            pool.rateLimited(pooled, model, wait, now);
        }
    }

    /** The request is over; safe to call more than once. */
    public void release(Instant now) {
        if (pool != null && released.compareAndSet(false, true)) {
            pool.released(pooled, now);
        }
    }
}
