package dev.sheepdog.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.ClientSecret;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ClientStore} promises; each implementation runs it on a fresh, empty store. */
public abstract class ClientStoreContract {

    public static final Instant CREATED = Instant.parse("2026-03-01T09:15:30.123456789Z");

    protected ClientStore store;

    /** A fresh store with nothing in it. */
    protected abstract ClientStore createStore();

    /** The store as the next process to start would see it; the default, for stores without one, is itself. */
    protected ClientStore reopen(ClientStore current) throws Exception {
        return current;
    }

    @BeforeEach
    void createTheStore() {
        store = createStore();
    }

    @AfterEach
    void closeTheStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** A key with every field set, budgets whose scale must survive (1.50 is not 1.5), made at {@code createdAt}. */
    public static ClientKey fullKey(String name, Instant createdAt) {
        ClientSecret secret = ClientSecret.random();
        Limits limits = new Limits(OptionalInt.of(60), OptionalLong.of(5_000_000_000L), OptionalInt.of(4),
                Optional.of(new BigDecimal("1.50")), Optional.of(new BigDecimal("1E+3")));
        Plan plan = new Plan("team \"blue\" plan", limits, Set.of("gpt-4o-mini", "deepseek-chat", "модель"));
        return new ClientKey(ClientId.random(), name, secret.hash(), secret.hint(), plan,
                Optional.of(createdAt.plusSeconds(86_400 * 30L)), true, createdAt, Optional.empty());
    }

    /** A key with nothing optional: no bound, every model, no expiry. */
    public static ClientKey bareKey(String name, Instant createdAt) {
        ClientSecret secret = ClientSecret.random();
        return new ClientKey(ClientId.random(), name, secret.hash(), secret.hint(), Plan.UNLIMITED,
                Optional.empty(), true, createdAt, Optional.empty());
    }

    @Test
    void findsNothingWhenNothingWasEverSaved() {
        assertThat(store.find(ClientId.random())).isEmpty();
        assertThat(store.findBySecretHash(ClientSecret.random().hash())).isEmpty();
        assertThat(store.all()).isEmpty();
    }

    @Test
    void findsASavedKeyByIdAndBySecretHashWithEveryFieldAsSaved() {
        ClientKey key = fullKey("billing-service", CREATED);

        store.save(key);

        assertThat(store.find(key.id())).contains(key);
        assertThat(store.findBySecretHash(key.secretHash())).contains(key);
    }

    @Test
    void keepsAKeyWithNoBoundsNoModelsAndNoExpiry() {
        ClientKey key = bareKey("ci", CREATED);

        store.save(key);

        assertThat(store.find(key.id())).contains(key);
    }

    @Test
    void keepsEachBoundOnItsOwn() {
        ClientKey key = bareKey("partly bounded", CREATED).withPlan(new Plan("small", new Limits(OptionalInt.empty(),
                OptionalLong.of(1), OptionalInt.empty(), Optional.of(new BigDecimal("0.000001")), Optional.empty()),
                Set.of("one-model")));

        store.save(key);

        assertThat(store.find(key.id())).contains(key);
    }

    @Test
    void savingAKeyWithTheSameIdReplacesIt() {
        ClientKey key = fullKey("old name", CREATED);
        store.save(key);
        ClientKey changed = key.withName("new name")
                .withPlan(new Plan("smaller", Limits.NONE, Set.of("gpt-4o-mini")))
                .withExpiry(Optional.empty())
                .withEnabled(false);

        store.save(changed);

        assertThat(store.find(key.id())).contains(changed);
        assertThat(store.findBySecretHash(key.secretHash())).contains(changed);
        assertThat(store.all()).containsExactly(changed);
    }

    @Test
    void findsARevokedKeyByItsSecretHashSoThatItCanBeRefusedByName() {
        ClientKey revoked = fullKey("leaked", CREATED).revoked(CREATED.plusSeconds(5));

        store.save(revoked);

        assertThat(store.findBySecretHash(revoked.secretHash())).contains(revoked);
        assertThat(store.findBySecretHash(revoked.secretHash()).orElseThrow().refusal(CREATED.plusSeconds(6)))
                .contains("was revoked");
    }

    @Test
    void findsNoKeyForAnotherSecret() {
        store.save(fullKey("one", CREATED));

        assertThat(store.findBySecretHash(ClientSecret.random().hash())).isEmpty();
        assertThat(store.find(ClientId.random())).isEmpty();
    }

    @Test
    void listsEveryKeyOldestFirstRevokedOnesIncluded() {
        ClientKey newest = bareKey("newest", CREATED.plusSeconds(120));
        ClientKey oldest = fullKey("oldest", CREATED.minusSeconds(3600)).revoked(CREATED);
        ClientKey middle = fullKey("middle", CREATED.plusNanos(1)).withEnabled(false);

        store.save(newest);
        store.save(oldest);
        store.save(middle);

        assertThat(store.all()).containsExactly(oldest, middle, newest);
    }

    @Test
    void keepsWhatWasSavedForTheNextProcess() throws Exception {
        ClientKey full = fullKey("full", CREATED);
        ClientKey bare = bareKey("bare", CREATED.plusSeconds(1)).revoked(CREATED.plusSeconds(2));
        store.save(full);
        store.save(bare);

        store = reopen(store);

        assertThat(store.all()).containsExactly(full, bare);
        assertThat(store.findBySecretHash(bare.secretHash())).contains(bare);
    }

    @Test
    void keysSavedFromManyThreadsAtOnceAreAllKept() throws Exception {
        List<ClientKey> keys = IntStream.range(0, 40).mapToObj(i -> fullKey("key " + i, CREATED.plusSeconds(i))).toList();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            keys.forEach(key -> done.add(threads.submit(() -> store.save(key))));
            for (Future<?> save : done) {
                save.get();
            }
        }

        assertThat(store.all()).containsExactlyElementsOf(keys);
    }
}
