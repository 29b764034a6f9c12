package dev.sheepdog.domain.service;

import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyRest;
import dev.sheepdog.domain.port.out.KeyRests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet's key rests, told on a thread of their own: the request whose 429 rested a key fails over to
 * another at once, however slow the fleet's database is (a statement may take up to its deadline). Rests
 * wait one per key and model, a newer replacing an older, and each is told for what is left of it then;
 * one that ended while it waited is not told. A rest the fleet cannot take is logged and stays this
 * gateway's own.
 */
public final class KeyRestsToldInTheBackground implements KeyRests {

    private static final System.Logger LOG = System.getLogger("sheepdog.keys");

    private record Rested(EndpointId endpoint, String fingerprint, String model) {
    }

    private final KeyRests fleet;
    private final Clock clock;
    private final Map<Rested, Instant> waiting = new LinkedHashMap<>();
    private boolean telling;

    public KeyRestsToldInTheBackground(KeyRests fleet, Clock clock) {
        this.fleet = requireNonNull(fleet, "fleet");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Returns at once; the rest is told to the fleet soon after. */
    @Override
    public void tell(KeyRest rest) {
        synchronized (this) {
            waiting.put(new Rested(rest.endpoint(), rest.fingerprint(), rest.model()),
                    clock.instant().plus(rest.remaining()));
            if (telling) {
                return;
            }
            telling = true;
        }
        Thread.ofVirtual().name("sheepdog-key-rests").start(this::tellWhatWaits);
    }

    @Override
    public List<KeyRest> current() {
        return fleet.current();
    }

    /** How many rests wait to be told now. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void tellWhatWaits() {
        while (true) {
            Rested rested;
            Instant until;
            synchronized (this) {
                Iterator<Map.Entry<Rested, Instant>> oldest = waiting.entrySet().iterator();
                if (!oldest.hasNext()) {
                    telling = false;
                    return;
                }
                Map.Entry<Rested, Instant> next = oldest.next();
                oldest.remove();
                rested = next.getKey();
                until = next.getValue();
            }
            Duration left = Duration.between(clock.instant(), until);
            if (left.isPositive()) {
                tellQuietly(new KeyRest(rested.endpoint(), rested.fingerprint(), rested.model(), left));
            }
        }
    }

    private void tellQuietly(KeyRest rest) {
        try {
            fleet.tell(rest);
        } catch (RuntimeException e) {
            LOG.log(WARNING, "could not tell the fleet that key {0} of endpoint {1} rests: {2}", rest.fingerprint(),
                    rest.endpoint(), e.getMessage());
        }
    }
}
