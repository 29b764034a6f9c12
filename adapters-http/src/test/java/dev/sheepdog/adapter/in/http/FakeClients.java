package dev.sheepdog.adapter.in.http;

import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.ClientChange;
import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.ClientSecret;
import dev.sheepdog.domain.model.caller.NewClient;
import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.domain.model.caller.Standing;
import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.port.in.AddClientUseCase;
import dev.sheepdog.domain.port.in.ListClientsUseCase;
import dev.sheepdog.domain.port.in.RevokeClientUseCase;
import dev.sheepdog.domain.port.in.UpdateClientUseCase;
import dev.sheepdog.domain.port.in.ViewCallerStandingUseCase;
import dev.sheepdog.domain.port.in.ViewUsageUseCase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The client-key use cases as the adapter sees them: keys in a map, usage as the test scripts it. */
final class FakeClients implements AddClientUseCase, ListClientsUseCase, UpdateClientUseCase, RevokeClientUseCase,
        ViewCallerStandingUseCase, ViewUsageUseCase {

    final Map<ClientId, ClientKey> keys = new ConcurrentHashMap<>();
    final List<UsageQuery> usageQueries = new CopyOnWriteArrayList<>();
    volatile List<UsageLine> usage = List.of();

    ClientAdministration asAdministration(Map<String, Plan> plans) {
        return new ClientAdministration(this, this, this, this, this, this, plans);
    }

    @Override
    public NewClient addClient(String name, Plan plan, Optional<Instant> expiresAt) {
        ClientSecret secret = ClientSecret.random();
        ClientKey key = new ClientKey(ClientId.random(), name, secret.hash(), secret.hint(), plan, expiresAt, true,
                Instant.parse("2026-12-01T00:00:00Z"), Optional.empty());
        keys.put(key.id(), key);
        return new NewClient(key, secret);
    }

    @Override
    public List<ClientKey> listClients() {
        return List.copyOf(keys.values());
    }

    @Override
    public Optional<ClientKey> findClient(ClientId id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public ClientKey updateClient(ClientId id, ClientChange change) {
        ClientKey key = Optional.ofNullable(keys.get(id)).orElseThrow(NoSuchElementException::new);
        if (key.revokedAt().isPresent()) {
            throw new IllegalStateException("revoked");
        }
        ClientKey changed = change.enabled().map(key::withEnabled).orElse(key);
        changed = change.name().map(changed::withName).orElse(changed);
        keys.put(id, changed);
        return changed;
    }

    @Override
    public ClientKey revokeClient(ClientId id) {
        ClientKey revoked = keys.get(id).revoked(Instant.parse("2026-12-02T00:00:00Z"));
        keys.put(id, revoked);
        return revoked;
    }

    @Override
    public Standing standing(Caller caller) {
        return new Standing(caller.account(), caller.plan().limits(), 7, 900, 1, new BigDecimal("0.0125"),
                new BigDecimal("1.5"));
    }

    @Override
    public List<UsageLine> usage(UsageQuery query) {
        usageQueries.add(query);
        return usage;
    }
}
