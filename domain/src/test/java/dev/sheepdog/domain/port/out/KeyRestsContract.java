package dev.sheepdog.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.KeyRest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link KeyRests} promises: a rest told is current for as long as it lasts, the longest one standing. */
public abstract class KeyRestsContract {

    public static final EndpointId HOLYSHEEP = new EndpointId("holysheep");
    /** How far apart two readings of how long a rest still lasts may be on a busy machine. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    /** Fresh, empty rests, as one gateway sees them. */
    protected abstract KeyRests rests();

    /** The same rests as a second gateway of the fleet sees them. */
    protected abstract KeyRests sameFleet();

    @Test
    void nothingToldIsNoRest() {
        assertThat(rests().current()).isEmpty();
    }

    @Test
    void aRestToldByOneGatewayIsCurrentForAnotherWithWhatIsLeftOfIt() {
        rests().tell(new KeyRest(HOLYSHEEP, "fp-1", "deepseek-v3.2", Duration.ofSeconds(30)));

        List<KeyRest> current = sameFleet().current();

        assertThat(current).singleElement().satisfies(rest -> {
            assertThat(rest.endpoint()).isEqualTo(HOLYSHEEP);
            assertThat(rest.fingerprint()).isEqualTo("fp-1");
            assertThat(rest.model()).isEqualTo("deepseek-v3.2");
            assertThat(rest.remaining()).isBetween(Duration.ofSeconds(30).minus(SLACK), Duration.ofSeconds(30));
        });
    }

    @Test
    void aLongerRestAlreadyToldStandsAndAShorterOneIsReplacedByALongerOne() {
        rests().tell(new KeyRest(HOLYSHEEP, "fp-1", "m", Duration.ofSeconds(30)));
        sameFleet().tell(new KeyRest(HOLYSHEEP, "fp-1", "m", Duration.ofSeconds(5)));
        assertThat(rests().current()).singleElement().matches(rest -> rest.remaining().toSeconds() >= 25);

        sameFleet().tell(new KeyRest(HOLYSHEEP, "fp-1", "m", Duration.ofSeconds(90)));

        assertThat(rests().current()).singleElement().matches(rest -> rest.remaining().toSeconds() >= 85);
    }

    @Test
    void eachKeyAndModelRestsOnItsOwn() {
        rests().tell(new KeyRest(HOLYSHEEP, "fp-1", "m", Duration.ofSeconds(30)));
        rests().tell(new KeyRest(HOLYSHEEP, "fp-1", "other", Duration.ofSeconds(30)));
        rests().tell(new KeyRest(HOLYSHEEP, "fp-2", "m", Duration.ofSeconds(30)));
        rests().tell(new KeyRest(new EndpointId("canary"), "fp-1", "m", Duration.ofSeconds(30)));

        assertThat(sameFleet().current()).hasSize(4);
    }

    @Test
    void aRestThatIsOverIsNoLongerCurrent() throws InterruptedException {
        rests().tell(new KeyRest(HOLYSHEEP, "fp-1", "m", Duration.ofMillis(200)));
        rests().tell(new KeyRest(HOLYSHEEP, "fp-2", "m", Duration.ofSeconds(30)));

        Thread.sleep(400);

        assertThat(sameFleet().current()).extracting(KeyRest::fingerprint).containsExactly("fp-2");
    }

    @Test
    void aModelNameIsKeptAsToldWhateverItHolds() {
        String odd = "modèle \"x\"\n'; DROP TABLE key_rest; --";
        rests().tell(new KeyRest(HOLYSHEEP, "fp-1", odd, Duration.ofSeconds(30)));

        assertThat(sameFleet().current()).extracting(KeyRest::model).containsExactly(odd);
    }
}
