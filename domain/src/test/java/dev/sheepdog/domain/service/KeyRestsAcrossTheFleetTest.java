package dev.sheepdog.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.ApiKey;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyChanges;
import dev.sheepdog.domain.model.KeyLease;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.KeyRest;
import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.StoredKey;
import dev.sheepdog.domain.port.out.InMemoryKeyRests;
import dev.sheepdog.domain.port.out.InMemoryKeyStore;
import dev.sheepdog.domain.port.out.KeyRests;
import dev.sheepdog.domain.port.out.RecordingTelemetry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A provider's 429 heard by one gateway rests the key for that model on every gateway of the fleet. */
class KeyRestsAcrossTheFleetTest {

    private static final EndpointId ENDPOINT = new EndpointId("holysheep");
    private static final ApiKey ONE = ApiKey.of("sk-one");
    private static final ApiKey TWO = ApiKey.of("sk-two");
    private static final String MODEL = "deepseek-v3.2";

    private final ManualClock clock = new ManualClock();
    private final InMemoryKeyStore keyStore = new InMemoryKeyStore();
    private final InMemoryKeyRests rests = new InMemoryKeyRests(clock);
    private final RecordingTelemetry telemetryOfB = new RecordingTelemetry();

    @Test
    void aKeyRateLimitedThroughOneGatewayRestsForThatModelOnTheOther() {
        KeyRing a = ring(new RecordingTelemetry());
        KeyRing b = ring(telemetryOfB);

        leaseOf(a, ONE).rateLimited(Optional.of(Duration.ofSeconds(30)), clock.instant());
        b.restAsTold();

        assertThat(keysLeasedFor(b, MODEL, 4)).containsOnly(TWO);
        assertThat(keysLeasedFor(b, "gpt-4.1", 4)).as("other models are not limited").contains(ONE, TWO);
        assertThat(telemetryOfB.keyEvents()).as("only the gateway that heard the 429 reports it").isEmpty();
    }

    @Test
    void theRestEndsOnEveryGatewayWhenItsTimeIsOver() {
        KeyRing a = ring(new RecordingTelemetry());
        KeyRing b = ring(telemetryOfB);
        leaseOf(a, ONE).rateLimited(Optional.of(Duration.ofSeconds(30)), clock.instant());
        b.restAsTold();

        clock.advance(Duration.ofSeconds(31));

        assertThat(keysLeasedFor(b, MODEL, 4)).contains(ONE, TWO);
    }

    @Test
    void theGatewayThatToldTheRestIsNotToldItAgain() {
        List<KeyRest> told = new ArrayList<>();
        KeyRests counting = new KeyRests() {
            @Override
            public void tell(KeyRest rest) {
                told.add(rest);
                rests.tell(rest);
            }

            @Override
            public List<KeyRest> current() {
                return rests.current();
            }
        };
        KeyRing a = ring(new RecordingTelemetry(), counting);

        leaseOf(a, ONE).rateLimited(Optional.of(Duration.ofSeconds(30)), clock.instant());
        a.restAsTold();
        a.restAsTold();

        assertThat(told).singleElement().satisfies(rest -> {
            assertThat(rest.fingerprint()).isEqualTo(ONE.fingerprint());
            assertThat(rest.model()).isEqualTo(MODEL);
            assertThat(rest.remaining()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void aKeyThatIsNotActiveOnThisGatewayTakesNoRest() {
        KeyRing b = ring(telemetryOfB);
        b.change(ENDPOINT, keys -> KeyChanges.disable(keys, TWO.fingerprint()));

        rests.tell(new KeyRest(ENDPOINT, TWO.fingerprint(), MODEL, Duration.ofSeconds(30)));
        b.restAsTold();
        b.change(ENDPOINT, keys -> KeyChanges.enable(keys, TWO.fingerprint()));

        assertThat(keysLeasedFor(b, MODEL, 4)).contains(ONE, TWO);
    }

    private KeyRing ring(RecordingTelemetry telemetry) {
        return ring(telemetry, rests);
    }

    private KeyRing ring(RecordingTelemetry telemetry, KeyRests shared) {
        if (keyStore.load().isEmpty()) {
            keyStore.save(Map.of(ENDPOINT, List.of(StoredKey.active(ONE, clock.instant()),
                    StoredKey.active(TWO, clock.instant()))));
        }
        return new KeyRing(keyStore, KeyPolicy.DEFAULT, clock, Map.of(ENDPOINT, URI.create("https://api.example/v1")),
                Map.of(), telemetry, shared);
    }

    private KeyLease leaseOf(KeyRing ring, ApiKey wanted) {
        for (int i = 0; i < 4; i++) {
            KeyLease lease = ring.lease(ENDPOINT, MODEL).orElseThrow();
            if (lease.key().equals(wanted)) {
                return lease;
            }
            lease.release(clock.instant());
        }
        throw new AssertionError("never leased " + wanted.fingerprint());
    }

    private List<ApiKey> keysLeasedFor(KeyRing ring, String model, int times) {
        List<ApiKey> leased = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            ring.lease(ENDPOINT, model).ifPresent(lease -> {
                leased.add(lease.key());
                lease.release(clock.instant());
            });
        }
        return leased;
    }
}
