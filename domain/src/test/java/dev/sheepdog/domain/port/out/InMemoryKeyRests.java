package dev.sheepdog.domain.port.out;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyRest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link KeyRests} in memory for tests: the gateways of a "fleet" share one object. */
public final class InMemoryKeyRests implements KeyRests {

    private record Rested(EndpointId endpoint, String fingerprint, String model) {
    }

    private final Clock clock;
    private final Map<Rested, Instant> until = new ConcurrentHashMap<>();

    public InMemoryKeyRests(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void tell(KeyRest rest) {
        until.merge(new Rested(rest.endpoint(), rest.fingerprint(), rest.model()),
                clock.instant().plus(rest.remaining()), (told, now) -> told.isAfter(now) ? told : now);
    }

    @Override
    public List<KeyRest> current() {
        Instant now = clock.instant();
        return until.entrySet().stream().filter(entry -> entry.getValue().isAfter(now))
                .map(entry -> new KeyRest(entry.getKey().endpoint(), entry.getKey().fingerprint(),
                        entry.getKey().model(), Duration.between(now, entry.getValue())))
                .toList();
    }
}
