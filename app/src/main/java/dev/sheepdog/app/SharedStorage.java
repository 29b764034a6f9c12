package dev.sheepdog.app;

import dev.sheepdog.adapter.out.postgres.PostgresDatabase;
import dev.sheepdog.adapter.out.postgres.PostgresStoreChanges;
import dev.sheepdog.domain.model.health.Readiness;
import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.domain.port.out.StoreChanges;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.util.Optional;

/**
 * A fleet's stores, in one PostgreSQL database that every gateway given its URL shares: keys (sealed
 * under the master key, as the file store seals them), routes, client keys, the usage ledger and the
 * limit counters, and the database's news of what another gateway changed.
 */
final class SharedStorage implements Storage {

    private final PostgresDatabase database;
    private final KeyStore keys;
    private final RouteStore routes;
    private final ClientStore clients;
    private final UsageLedger usage;
    private final LimitCounters limits;
    private final PostgresStoreChanges changes;

    private SharedStorage(PostgresDatabase database, Optional<String> masterKey, Readiness readiness) {
        this.database = database;
        this.keys = database.keyStore(masterKey);
        this.routes = database.routeStore();
        this.clients = database.clientStore();
        this.usage = database.usageLedger();
        this.limits = database.limitCounters();
        this.changes = database.storeChanges(readiness);
    }

    /**
     * Connects to the database at {@code url} and brings its schema up to date; {@code readiness} is
     * degraded while the database cannot be reached afterwards.
     */
    static SharedStorage open(String url, Optional<String> masterKey, Readiness readiness) {
        return new SharedStorage(PostgresDatabase.open(url), masterKey, readiness);
    }

    @Override
    public KeyStore keys() {
        return keys;
    }

    @Override
    public RouteStore routes() {
        return routes;
    }

    @Override
    public ClientStore clients() {
        return clients;
    }

    @Override
    public UsageLedger usage() {
        return usage;
    }

    @Override
    public LimitCounters limits() {
        return limits;
    }

    @Override
    public StoreChanges changes() {
        return changes;
    }

    @Override
    public String describe() {
        return "the shared database " + database;
    }

    @Override
    public void close() {
        try {
            changes.close();
        } finally {
            database.close();
        }
    }
}
