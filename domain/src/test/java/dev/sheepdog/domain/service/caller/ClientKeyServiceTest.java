package dev.sheepdog.domain.service.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.ManualClock;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.ClientSecret;
import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.domain.model.caller.NewClient;
import dev.sheepdog.domain.model.caller.ClientChange;
import dev.sheepdog.domain.port.out.InMemoryClientStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientKeyServiceTest {

    private static final Plan PLAN = new Plan("custom", new Limits(OptionalInt.of(20), OptionalLong.of(10_000),
            OptionalInt.of(2), Optional.of(new BigDecimal("0.50")), Optional.empty()), Set.of());

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryClientStore store = new InMemoryClientStore();
    private final ClientKeyService clients = new ClientKeyService(store, clock);

    @Test
    void makesASecretOfAtLeast128RandomBitsAndStoresOnlyItsHash() {
        NewClient made = clients.addClient("writer-web", PLAN, Optional.empty());

        String secret = made.secret().reveal();
        assertThat(secret).startsWith("sk-sd-").hasSizeGreaterThanOrEqualTo("sk-sd-".length() + 22);
        ClientKey stored = store.find(made.key().id()).orElseThrow();
        assertThat(stored.secretHash()).isEqualTo(ClientSecret.of(secret).hash()).doesNotContain(secret);
        assertThat(stored.toString()).doesNotContain(secret.substring(10));
        assertThat(clients.addClient("other", PLAN, Optional.empty()).secret().reveal()).isNotEqualTo(secret);
    }

    @Test
    void changesOnlyTheBoundsAnUpdateNames() {
        NewClient made = clients.addClient("writer-web", PLAN, Optional.empty());
        Limits moreRequests = new Limits(OptionalInt.of(60), OptionalLong.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.of(new BigDecimal("10")));

        ClientKey changed = clients.updateClient(made.key().id(), new ClientChange(Optional.empty(),
                Optional.of(Set.of("gpt-4.1")), Optional.of(moreRequests), Optional.empty(), false,
                Optional.of(false)));

        assertThat(changed.plan().limits().requestsPerMinute()).hasValue(60);
        assertThat(changed.plan().limits().tokensPerMinute()).hasValue(10_000);
        assertThat(changed.plan().limits().dailyUsd()).contains(new BigDecimal("0.50"));
        assertThat(changed.plan().limits().monthlyUsd()).contains(new BigDecimal("10"));
        assertThat(changed.plan().models()).containsExactly("gpt-4.1");
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.secretHash()).isEqualTo(made.key().secretHash());
    }

    @Test
    void neverBringsARevokedKeyBack() {
        NewClient made = clients.addClient("writer-web", PLAN, Optional.empty());
        clients.revokeClient(made.key().id());

        assertThatThrownBy(() -> clients.updateClient(made.key().id(), new ClientChange(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.of(true))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("revoked");
        assertThat(store.find(made.key().id()).orElseThrow().refusal(clock.instant())).contains("was revoked");
    }
}
