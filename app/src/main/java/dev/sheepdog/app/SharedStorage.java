package dev.sheepdog.app;

import dev.sheepdog.adapter.out.limits.Bucket4jLimitCounters;
import dev.sheepdog.adapter.out.postgres.PostgresDatabase;
import dev.sheepdog.adapter.out.postgres.PostgresJudgeElection;
import dev.sheepdog.adapter.out.postgres.PostgresStoreChanges;
import dev.sheepdog.domain.model.InstanceId;
import dev.sheepdog.domain.model.health.Readiness;
import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.FleetStatistics;
import dev.sheepdog.domain.port.out.JudgeElection;
import dev.sheepdog.domain.port.out.KeyRests;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.domain.port.out.StoreChanges;
import dev.sheepdog.domain.port.out.UsageLedger;
import dev.sheepdog.domain.service.KeyRestsToldInTheBackground;
import dev.sheepdog.domain.service.caller.FallbackLimitCounters;
import dev.sheepdog.domain.service.caller.LastKnownClients;
import dev.sheepdog.domain.service.caller.LastKnownSpend;
import dev.sheepdog.domain.service.caller.QueuedUsageLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A fleet's stores, in one PostgreSQL database that every gateway given its URL shares: keys (sealed
 * under the master key, as the file store seals them), routes, client keys, the usage ledger and the
 * limit counters, the database's news of what another gateway changed, and the canary's one judge
 * with every gateway's windows.
 */
final class SharedStorage implements Storage {

    /** Usage records that may wait for the database: about a minute of a busy gateway's completions. */
    static final int USAGE_QUEUE = 10_000;

    private final PostgresDatabase database;
    private final KeyStore keys;
    private final RouteStore routes;
    private final ClientStore clients;
    private final QueuedUsageLedger queuedUsage;
    private final LastKnownSpend usage;
    private final FallbackLimitCounters limits;
    private final PostgresStoreChanges changes;
    private final KeyRests rests;
    private final FleetStatistics statistics;
    private final PostgresJudgeElection judge;

    private SharedStorage(PostgresDatabase database, Optional<String> masterKey, Readiness readiness, Clock clock,
                          Duration canaryInterval) {
        this.database = database;
        this.keys = database.keyStore(masterKey);
        this.routes = database.routeStore();
        // Looked up in the database on every request; while it is away, from what each lookup last found.
        this.clients = new LastKnownClients(database.clientStore());
        this.changes = database.storeChanges(readiness);
        // Told on a thread of their own: the request whose 429 rested a key fails over without waiting for the
        // database.
        this.rests = new KeyRestsToldInTheBackground(database.keyRests(), clock);
        // Records wait in memory while the database is away, and are written when it is back; budgets go on
        // from each account's last known spend.
        this.queuedUsage = new QueuedUsageLedger(database.usageLedger(), USAGE_QUEUE, Duration.ofSeconds(1));
        this.usage = new LastKnownSpend(queuedUsage, changes::fleetSize);
        // While the database is away, each gateway enforces its share of every limit on its own.
        this.limits = new FallbackLimitCounters(database.limitCounters(), new Bucket4jLimitCounters(clock),
                changes::fleetSize);
        // A gateway reports once an interval: a report two intervals old is from one that died.
        this.statistics = database.fleetStatistics(canaryInterval.multipliedBy(2));
        this.judge = database.judgeElection();
    }

    /**
     * Connects to the database at {@code url} and brings its schema up to date; {@code readiness} is
     * degraded while the database cannot be reached afterwards. Reports of the canary windows older than
     * two {@code canaryInterval}s are from gateways that died.
     */
    static SharedStorage open(String url, InstanceId instance, Optional<String> masterKey, Readiness readiness,
                              Clock clock, Duration canaryInterval) {
        return new SharedStorage(PostgresDatabase.open(url, instance), masterKey, readiness, clock, canaryInterval);
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
    public KeyRests rests() {
        return rests;
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
    public int usageWaiting() {
        return queuedUsage.waitingCount();
    }

    @Override
    public long usageLost() {
        return queuedUsage.lostCount();
    }

    @Override
    public long limitsDegraded() {
        return limits.degradedDecisions();
    }

    @Override
    public int streamSlotsOwed() {
        return database.streamSlotsOwed();
    }

    @Override
    public long budgetsEstimated() {
        return usage.estimatedChecks();
    }

    @Override
    public String describe() {
        return "the shared database " + database;
    }

    @Override
    public void close() {
        try {
            changes.close();
            queuedUsage.close();
            judge.close(); // frees the judge's lock at once, for another gateway's next interval
        } finally {
            database.close();
        }
    }
}
