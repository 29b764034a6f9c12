package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One gateway's changes to an endpoint's keys, carried onto what another gateway stored meanwhile. */
class KeyMergeTest {

    private static final StoredKey ONE = StoredKey.active(ApiKey.of("sk-one"), Instant.EPOCH);
    private static final StoredKey TWO = StoredKey.active(ApiKey.of("sk-two"), Instant.EPOCH);
    private static final StoredKey NEW = StoredKey.active(ApiKey.of("sk-new"), Instant.EPOCH);

    @Test
    void withNoChangeOfItsOwnTheStoredKeysStandAsTheyAre() {
        assertThat(KeyMerge.onto(List.of(TWO, NEW), List.of(ONE, TWO), List.of(ONE, TWO))).containsExactly(TWO, NEW);
    }

    @Test
    void aKeyItChangedTakesItsNewStateAndTheOthersStayAsStored() {
        assertThat(KeyMerge.onto(List.of(ONE, TWO, NEW), List.of(ONE, TWO), List.of(ONE, disabled(TWO))))
                .containsExactly(ONE, disabled(TWO), NEW);
    }

    @Test
    void aKeyItRemovedIsRemovedAndAKeyItAddedIsAppended() {
        assertThat(KeyMerge.onto(List.of(ONE, TWO), List.of(ONE, TWO), List.of(TWO, NEW))).containsExactly(TWO, NEW);
    }

    @Test
    void aKeyRemovedElsewhereStaysRemovedThoughItChangedIt() {
        assertThat(KeyMerge.onto(List.of(ONE), List.of(ONE, TWO), List.of(ONE, disabled(TWO)))).containsExactly(ONE);
    }

    @Test
    void aKeyItAddedThatIsStoredAlreadyIsNotAddedTwice() {
        assertThat(KeyMerge.onto(List.of(ONE, NEW), List.of(ONE), List.of(ONE, NEW))).containsExactly(ONE, NEW);
    }

    private static StoredKey disabled(StoredKey key) {
        return new StoredKey(key.key(), KeyState.DISABLED, key.addedAt(), key.replaces(), Optional.empty(),
                Optional.empty());
    }
}
