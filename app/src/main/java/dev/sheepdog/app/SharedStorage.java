package dev.sheepdog.app;

import dev.sheepdog.adapter.out.postgres.PostgresDatabase;
import dev.sheepdog.adapter.out.postgres.PostgresJudgeElection;
import dev.sheepdog.adapter.out.postgres.PostgresStoreChanges;
import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.FleetStatistics;
import dev.sheepdog.domain.port.out.JudgeElection;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.domain.port.out.StoreChanges;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.time.Duration;
import java.util.Optional;

/**
 * A fleet's stores, in one PostgreSQL database that every gateway given its URL shares: keys (sealed
 * under the master key, as the file store seals them), routes, client keys, the usage ledger and the
 * limit counters, the database's news of what another gateway changed, and the canary's one judge
 * with every gateway's windows.
 */
final class SharedStorage implements Storage {

    private final PostgresDatabase database;
    private final KeyStore keys;
    private final RouteStore routes;
    private final ClientStore clients;
    private final UsageLedger usage;
    private final LimitCounters limits;
    private final PostgresStoreChanges changes;
    private final FleetStatistics statistics;
    private final PostgresJudgeElection judge;

    private SharedStorage(PostgresDatabase database, Optional<String> masterKey, Duration canaryInterval) {
        this.database = database;
        this.keys = database.keyStore(masterKey);
        this.routes = database.routeStore();
        this.clients = database.clientStore();
        this.usage = database.usageLedger();
        this.limits = database.limitCounters();
        this.changes = database.storeChanges();
        // A gateway reports once an interval: a report two intervals old is from one that died.
        this.statistics = database.fleetStatistics(canaryInterval.multipliedBy(2));
        this.judge = database.judgeElection();
    }

    /** Connects to the database at {@code url} and brings its schema up to date. */
    static SharedStorage open(String url, Optional<String> masterKey, Duration canaryInterval) {
        return new SharedStorage(PostgresDatabase.open(url), masterKey, canaryInterval);
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
    public FleetStatistics statistics() {
        return statistics;
    }

    @Override
    public JudgeElection judge() {
        return judge;
    }

    @Override
    public String describe() {
        return "the shared database " + database;
    }

    @Override
    public void close() {
        try {
            changes.close();
            judge.close(); // frees the judge's lock at once, for another gateway's next interval
        } finally {
            database.close();
        }
    }
}
