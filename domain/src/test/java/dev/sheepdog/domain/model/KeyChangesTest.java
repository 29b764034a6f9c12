package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.KeyChangeRejected.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyChangesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final ApiKey A = ApiKey.of("sk-key-a");
    private static final ApiKey B = ApiKey.of("sk-key-b");
    private static final List<StoredKey> ONE_KEY = List.of(StoredKey.active(A, NOW));

    @Test
    void addsAKeyAsActive() {
        assertThat(KeyChanges.add(ONE_KEY, B, NOW)).extracting(StoredKey::key, StoredKey::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(A, KeyState.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple(B, KeyState.ACTIVE));
    }

    @Test
    void refusesAKeyThatIsAlreadyInThePool() {
        assertRejected(() -> KeyChanges.add(ONE_KEY, ApiKey.of("sk-key-a"), NOW), Reason.DUPLICATE_KEY);
        assertRejected(() -> KeyChanges.rotate(ONE_KEY, A.fingerprint(), A, NOW), Reason.DUPLICATE_KEY);
    }

    @Test
    void rotationRetiresTheOldKeyAndRemembersItForARollBack() {
        List<StoredKey> rotated = KeyChanges.rotate(ONE_KEY, A.fingerprint(), B, NOW);

        assertThat(rotated.get(0).state()).isEqualTo(KeyState.RETIRING);
        assertThat(rotated.get(0).retiringSince()).contains(NOW);
        assertThat(rotated.get(1).state()).isEqualTo(KeyState.ACTIVE);
        assertThat(rotated.get(1).replaces()).contains(A.fingerprint());
    }

    @Test
    void aDisabledKeyIsReplacedWithoutARollBackToIt() {
        List<StoredKey> disabled = KeyChanges.disable(ONE_KEY, A.fingerprint());

        assertThat(KeyChanges.rotate(disabled, A.fingerprint(), B, NOW).get(1).replaces()).isEmpty();
    }

    @Test
    void refusesToRotateAnUnknownOrAlreadyRetiringKey() {
        assertRejected(() -> KeyChanges.rotate(ONE_KEY, "00000000", B, NOW), Reason.UNKNOWN_KEY);
        List<StoredKey> rotated = KeyChanges.rotate(ONE_KEY, A.fingerprint(), B, NOW);
        assertRejected(() -> KeyChanges.rotate(rotated, A.fingerprint(), ApiKey.of("sk-c"), NOW), Reason.WRONG_STATE);
    }

    @Test
    void disablesEnablesAndRemovesAKey() {
        List<StoredKey> disabled = KeyChanges.disable(ONE_KEY, A.fingerprint());
        assertThat(disabled.getFirst().state()).isEqualTo(KeyState.DISABLED);
        assertThat(KeyChanges.enable(disabled, A.fingerprint()).getFirst().state()).isEqualTo(KeyState.ACTIVE);
        assertThat(KeyChanges.remove(ONE_KEY, A.fingerprint())).isEmpty();
        assertRejected(() -> KeyChanges.enable(ONE_KEY, A.fingerprint()), Reason.WRONG_STATE);
        assertRejected(() -> KeyChanges.remove(ONE_KEY, "00000000"), Reason.UNKNOWN_KEY);
    }

    @Test
    void aRejectionNeverNamesTheSecret() {
        assertThatThrownBy(() -> KeyChanges.add(ONE_KEY, A, NOW)).message().doesNotContain(A.reveal())
                .contains(A.fingerprint());
    }

    private static void assertRejected(Runnable change, Reason reason) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(KeyChangeRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}
