package dev.sheepdog.domain.service.caller;

import dev.sheepdog.domain.model.caller.ClientChange;
import dev.sheepdog.domain.model.caller.ClientId;
import dev.sheepdog.domain.model.caller.ClientKey;
import dev.sheepdog.domain.model.caller.ClientSecret;
import dev.sheepdog.domain.model.caller.NewClient;
import dev.sheepdog.domain.model.caller.Plan;
import dev.sheepdog.domain.port.in.AddClientUseCase;
import dev.sheepdog.domain.port.in.ListClientsUseCase;
import dev.sheepdog.domain.port.in.RevokeClientUseCase;
import dev.sheepdog.domain.port.in.UpdateClientUseCase;
import dev.sheepdog.domain.port.out.ClientStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Makes, shows, changes and revokes client keys; a secret is shown once and stored only as its hash. */
public final class ClientKeyService
        implements AddClientUseCase, ListClientsUseCase, UpdateClientUseCase, RevokeClientUseCase {

    private final ClientStore store;
    private final Clock clock;

    public ClientKeyService(ClientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public synchronized NewClient addClient(String name, Plan plan, Optional<Instant> expiresAt) {
        ClientSecret secret = ClientSecret.random();
        ClientKey key = new ClientKey(ClientId.random(), name, secret.hash(), secret.hint(), plan, expiresAt, true,
                clock.instant(), Optional.empty());
        store.save(key);
        return new NewClient(key, secret);
    }

    @Override
    public List<ClientKey> listClients() {
        return store.all();
    }

    @Override
    public Optional<ClientKey> findClient(ClientId id) {
        return store.find(id);
    }

    @Override
    public synchronized ClientKey updateClient(ClientId id, ClientChange change) {
        ClientKey key = existing(id);
        if (key.revokedAt().isPresent()) {
            throw new IllegalStateException("client key " + id + " was revoked; a revoked key never comes back");
        }
        if (change.name().isPresent()) {
            key = key.withName(change.name().get());
        }
        Plan plan = key.plan();
        if (change.models().isPresent()) {
            plan = new Plan(plan.name(), plan.limits(), change.models().get());
        }
        if (change.limits().isPresent()) {
            plan = plan.withLimits(plan.limits().overriddenBy(change.limits().get()));
        }
        key = key.withPlan(plan);
        if (change.clearExpiry()) {
            key = key.withExpiry(Optional.empty());
        } else if (change.expiresAt().isPresent()) {
            key = key.withExpiry(change.expiresAt());
        }
        if (change.enabled().isPresent()) {
            key = key.withEnabled(change.enabled().get());
        }
        store.save(key);
        return key;
    }

    @Override
    public synchronized ClientKey revokeClient(ClientId id) {
        ClientKey revoked = existing(id).revoked(clock.instant());
        store.save(revoked);
        return revoked;
    }

    private ClientKey existing(ClientId id) {
        return store.find(id).orElseThrow(() -> new NoSuchElementException("no client key " + id));
    }
}
