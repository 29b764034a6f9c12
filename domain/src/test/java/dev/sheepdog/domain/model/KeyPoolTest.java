package dev.sheepdog.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyPoolTest {

    private static final EndpointId ENDPOINT = new EndpointId("holysheep");
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final ApiKey A = ApiKey.of("sk-key-a");
    private static final ApiKey B = ApiKey.of("sk-key-b");
    private static final ApiKey C = ApiKey.of("sk-key-c");

    private final List<KeyEvent> events = new ArrayList<>();

    @Test
    void spreadsRequestsOverTheActiveKeysInTurn() {
        KeyPool pool = pool(StoredKey.active(A, T0), StoredKey.active(B, T0));

        assertThat(List.of(lease(pool, T0), lease(pool, T0), lease(pool, T0), lease(pool, T0)))
                .extracting(KeyLease::key).containsExactly(A, B, A, B);
    }

    @Test
    void restsARateLimitedKeyForTheWaitTheProviderAskedThenUsesItAgain() {
        KeyPool pool = pool(StoredKey.active(A, T0), StoredKey.active(B, T0));
        lease(pool, T0).rateLimited(Optional.of(Duration.ofSeconds(20)), T0);

        assertThat(lease(pool, T0.plusSeconds(1)).key()).isEqualTo(B);
        assertThat(lease(pool, T0.plusSeconds(2)).key()).isEqualTo(B);
        assertThat(lease(pool, T0.plusSeconds(21)).key()).isEqualTo(A);
        assertThat(events).extracting(KeyEvent::kind).containsExactly(KeyEvent.Kind.COOLING);
    }

    @Test
    void restsARateLimitedKeyForTheDefaultCooldownWhenTheProviderDidNotSay() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        lease(pool, T0).rateLimited(Optional.empty(), T0);

        assertThat(pool.lease(T0.plus(KeyPolicy.DEFAULT.defaultCooldown()).minusMillis(1))).isEmpty();
        assertThat(pool.coolingEnds("")).contains(T0.plus(KeyPolicy.DEFAULT.defaultCooldown()));
        assertThat(pool.lease(T0.plus(KeyPolicy.DEFAULT.defaultCooldown()))).isPresent();
    }

    @Test
    void aKeyRateLimitedForOneModelRestsForThatModelOnly() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        pool.lease(T0, "gpt-4.1").orElseThrow().rateLimited(Optional.of(Duration.ofSeconds(20)), T0);

        assertThat(pool.lease(T0.plusSeconds(1), "gpt-4.1")).isEmpty();
        assertThat(pool.lease(T0.plusSeconds(1), "deepseek-v3.2")).get().extracting(KeyLease::key).isEqualTo(A);
        assertThat(pool.coolingEnds("gpt-4.1")).contains(T0.plusSeconds(20));
        assertThat(pool.coolingEnds("deepseek-v3.2")).isEmpty();
        assertThat(pool.statuses().getFirst()).satisfies(status -> {
            assertThat(status.state()).isEqualTo(KeyState.COOLING);
            assertThat(status.coolingModels()).containsExactly(java.util.Map.entry("gpt-4.1", T0.plusSeconds(20)));
            assertThat(status.lastError()).get().asString().contains("HTTP 429", "gpt-4.1");
        });
        assertThat(pool.stored().getFirst().state()).as("a rest is not stored").isEqualTo(KeyState.ACTIVE);
        assertThat(pool.lease(T0.plusSeconds(20), "gpt-4.1")).isPresent();
    }

    @Test
    void aModelNameInAKeyEventCannotBreakALogLine() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        pool.lease(T0, "gpt\nFAKE LINE").orElseThrow().rateLimited(Optional.empty(), T0);
        pool.lease(T0, "gpt\u2028x\r").orElseThrow().rateLimited(Optional.empty(), T0);

        assertThat(events).extracting(KeyEvent::detail).allSatisfy(detail -> assertThat(detail)
                .doesNotContain("\n", "\r", "\u2028").contains("gpt?"));
    }

    @Test
    void disablesAKeyTheProviderRefused() {
        KeyPool pool = pool(StoredKey.active(A, T0), StoredKey.active(B, T0));
        lease(pool, T0).refused(401, T0);

        assertThat(lease(pool, T0).key()).isEqualTo(B);
        assertThat(lease(pool, T0).key()).isEqualTo(B);
        assertThat(pool.statuses().getFirst().state()).isEqualTo(KeyState.DISABLED);
        assertThat(pool.statuses().getFirst().lastError()).get().asString().contains("HTTP 401");
        assertThat(events).extracting(KeyEvent::kind, KeyEvent::fingerprint)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(KeyEvent.Kind.DISABLED, A.fingerprint()));
    }

    @Test
    void aRetiringKeyTakesNoNewRequestsAndLeavesWhenItsLastStreamEnds() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        KeyLease running = lease(pool, T0);
        pool.reconcile(KeyChanges.rotate(pool.stored(), A.fingerprint(), B, T0));

        assertThat(lease(pool, T0).key()).isEqualTo(B);
        running.release(T0.plus(KeyPolicy.DEFAULT.probation()));

        assertThat(pool.stored()).extracting(StoredKey::key).containsExactly(B);
        assertThat(events).extracting(KeyEvent::kind).containsExactly(KeyEvent.Kind.RETIRED);
    }

    @Test
    void aRetiredKeyStaysDuringTheNewKeysProbationSoARollBackIsPossible() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        pool.reconcile(KeyChanges.rotate(pool.stored(), A.fingerprint(), B, T0));

        pool.sweep(T0.plusSeconds(60));
        assertThat(pool.stored()).extracting(StoredKey::key).containsExactly(A, B);

        pool.sweep(T0.plus(KeyPolicy.DEFAULT.probation()));
        assertThat(pool.stored()).extracting(StoredKey::key).containsExactly(B);
    }

    @Test
    void aChainedRotationKeepsTheFirstKeyUntilTheProbationOfTheKeyThatReplacedItIsOver() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        pool.reconcile(KeyChanges.rotate(pool.stored(), A.fingerprint(), B, T0));
        Instant second = T0.plusSeconds(60);
        pool.reconcile(KeyChanges.rotate(pool.stored(), B.fingerprint(), C, second));

        pool.sweep(second);
        assertThat(pool.stored()).extracting(StoredKey::key).containsExactly(A, B, C);

        pool.sweep(T0.plus(KeyPolicy.DEFAULT.probation()));
        assertThat(pool.stored()).extracting(StoredKey::key).containsExactly(B, C);
        pool.sweep(second.plus(KeyPolicy.DEFAULT.probation()));
        assertThat(pool.stored()).extracting(StoredKey::key).containsExactly(C);
        assertThat(events).extracting(KeyEvent::kind, KeyEvent::fingerprint).containsExactly(
                org.assertj.core.groups.Tuple.tuple(KeyEvent.Kind.RETIRED, A.fingerprint()),
                org.assertj.core.groups.Tuple.tuple(KeyEvent.Kind.RETIRED, B.fingerprint()));
    }

    @Test
    void aChainedRotationRollsBackOneStepAtATime() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        pool.reconcile(KeyChanges.rotate(pool.stored(), A.fingerprint(), B, T0));
        pool.reconcile(KeyChanges.rotate(pool.stored(), B.fingerprint(), C, T0.plusSeconds(60)));

        leaseOf(pool, C, T0.plusSeconds(90)).refused(401, T0.plusSeconds(90));
        leaseOf(pool, B, T0.plusSeconds(120)).refused(401, T0.plusSeconds(120));

        assertThat(lease(pool, T0.plusSeconds(121)).key()).isEqualTo(A);
        assertThat(events).extracting(KeyEvent::kind, KeyEvent::fingerprint).containsExactly(
                org.assertj.core.groups.Tuple.tuple(KeyEvent.Kind.DISABLED, C.fingerprint()),
                org.assertj.core.groups.Tuple.tuple(KeyEvent.Kind.ROLLED_BACK, B.fingerprint()),
                org.assertj.core.groups.Tuple.tuple(KeyEvent.Kind.DISABLED, B.fingerprint()),
                org.assertj.core.groups.Tuple.tuple(KeyEvent.Kind.ROLLED_BACK, A.fingerprint()));
    }

    @Test
    void rollsBackToTheOldKeyWhenTheNewOneIsRefusedDuringItsProbation() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        pool.reconcile(KeyChanges.rotate(pool.stored(), A.fingerprint(), B, T0));

        lease(pool, T0.plusSeconds(30)).refused(403, T0.plusSeconds(30));

        assertThat(lease(pool, T0.plusSeconds(31)).key()).isEqualTo(A);
        assertThat(pool.statuses()).extracting(KeyStatus::state).containsExactly(KeyState.ACTIVE, KeyState.DISABLED);
        assertThat(events).extracting(KeyEvent::kind).containsExactly(KeyEvent.Kind.DISABLED, KeyEvent.Kind.ROLLED_BACK);
    }

    @Test
    void doesNotRollBackOnceTheProbationIsOver() {
        KeyPool pool = pool(StoredKey.active(A, T0), StoredKey.active(C, T0));
        KeyLease longStream = lease(pool, T0);
        pool.reconcile(KeyChanges.rotate(pool.stored(), A.fingerprint(), B, T0));
        Instant later = T0.plus(KeyPolicy.DEFAULT.probation()).plusSeconds(1);
        pool.sweep(later);

        leaseOf(pool, B, later).refused(401, later);

        assertThat(pool.statuses()).extracting(KeyStatus::fingerprint, KeyStatus::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(A.fingerprint(), KeyState.RETIRING),
                org.assertj.core.groups.Tuple.tuple(C.fingerprint(), KeyState.ACTIVE),
                org.assertj.core.groups.Tuple.tuple(B.fingerprint(), KeyState.DISABLED));
        longStream.release(later);
        assertThat(pool.stored()).extracting(StoredKey::key).containsExactly(C, B);
    }

    @Test
    void aRetiringKeyLeavesWhenItsGraceRunsOutEvenWithStreamsStillUsingIt() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        KeyLease endless = lease(pool, T0);
        pool.reconcile(KeyChanges.rotate(pool.stored(), A.fingerprint(), B, T0));

        pool.sweep(T0.plus(KeyPolicy.DEFAULT.retireGrace()));

        assertThat(pool.stored()).extracting(StoredKey::key).containsExactly(B);
        assertThat(endless.key()).as("the stream keeps its key").isEqualTo(A);
        endless.release(T0.plus(KeyPolicy.DEFAULT.retireGrace()).plusSeconds(1));
        assertThat(pool.stored()).extracting(StoredKey::key).containsExactly(B);
    }

    @Test
    void anOperatorsChangeKeepsTheTrafficCountersOfKeysThatStay() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        lease(pool, T0).release(T0);
        lease(pool, T0).release(T0);

        pool.reconcile(KeyChanges.add(pool.stored(), B, T0));

        assertThat(pool.statuses()).extracting(KeyStatus::requests).containsExactly(2L, 0L);
    }

    @Test
    void aLeaseReleasedTwiceCountsOnce() {
        KeyPool pool = pool(StoredKey.active(A, T0));
        KeyLease lease = lease(pool, T0);

        lease.release(T0);
        lease.release(T0);

        assertThat(pool.statuses().getFirst().inFlight()).isZero();
    }

    private KeyPool pool(StoredKey... keys) {
        return new KeyPool(ENDPOINT, List.of(keys), KeyPolicy.DEFAULT, (pool, changed) -> events.addAll(changed),
                new Object());
    }

    private static KeyLease lease(KeyPool pool, Instant now) {
        return pool.lease(now).orElseThrow();
    }

    private static KeyLease leaseOf(KeyPool pool, ApiKey wanted, Instant now) {
        for (int i = 0; i < 10; i++) {
            KeyLease lease = lease(pool, now);
            if (lease.key().equals(wanted)) {
                return lease;
            }
            lease.release(now);
        }
        throw new AssertionError("never leased " + wanted);
    }
}
