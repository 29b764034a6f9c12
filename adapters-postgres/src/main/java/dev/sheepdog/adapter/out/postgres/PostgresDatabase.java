package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import dev.sheepdog.domain.model.InstanceId;
import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.health.Readiness;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's PostgreSQL: a pool opened on its URL, its schema migrated, and every store port on it.
 * Closed with the gateway; later calls on any store fail at once with the store's exception.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);

    /** How often the stores are re-read with no news, in case some was lost: the safety net's interval. */
    private static final Duration RESYNC = Duration.ofSeconds(5);
    /** How soon a listener that lost the database tries again. */
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final HikariDataSource pool;
    private final DatabaseUrl url;
    private final Deadlines deadlines;
    /** How often a gateway holding limit counters says it is alive. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** How long a gateway may go unheard before the stream slots it holds are given back. */
    static final Duration DEAD_AFTER = Duration.ofSeconds(30);

    private final Transactions transactions;
    private final AtomicBoolean closed = new AtomicBoolean();
    // This gateway, as the holder of the stream slots it opens; a restart is a new holder.
    private final InstanceId instance;
    private SlotHeartbeat heartbeat;
    // One for all of this gateway's limit counters: what it owes the fleet's counters after an outage.
    private final SlotReturns slotReturns;

    private PostgresDatabase(HikariDataSource pool, DatabaseUrl url, Deadlines deadlines, InstanceId instance) {
        this.pool = pool;
        this.instance = instance;
        this.url = url;
        this.deadlines = deadlines;
        this.transactions = new Transactions(pool, deadlines, url.toString(), closed::get, CallerStoreException::new);
        this.slotReturns = new SlotReturns(transactions, instance.value());
    }

    /** {@link #open(String, Deadlines)} with the {@link Deadlines#DEFAULT default deadlines}. */
    public static PostgresDatabase open(String url) {
        return open(url, Deadlines.DEFAULT);
    }

    /** The database for the gateway {@code instance}, as it signs its heartbeats and stream slots. */
    public static PostgresDatabase open(String url, InstanceId instance) {
        return open(url, Deadlines.DEFAULT, Optional.empty(), instance);
    }

    /**
     * Connects to the database at {@code url} (see {@link DatabaseUrl}) and brings its schema up to date.
     *
     * @throws PostgresUnavailable when the URL is malformed, or the database cannot be reached or migrated;
     *                             the message never holds the password
     */
    public static PostgresDatabase open(String url, Deadlines deadlines) {
        return open(url, deadlines, Optional.empty());
    }

    /** Opens the database with its schema at {@code targetVersion}, not the latest: how tests make an old one. */
    static PostgresDatabase open(String url, Deadlines deadlines, Optional<String> targetVersion) {
        return open(url, deadlines, targetVersion, InstanceId.random());
    }

    private static PostgresDatabase open(String url, Deadlines deadlines, Optional<String> targetVersion,
                                         InstanceId instance) {
        requireNonNull(deadlines, "deadlines");
        requireNonNull(instance, "instance");
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new PostgresUnavailable(e.getMessage(), null);
        }
        migrate(parsed, deadlines, targetVersion);
        try {
            return new PostgresDatabase(ConnectionPools.open(parsed, deadlines), parsed, deadlines, instance);
        } catch (RuntimeException e) {
            throw new PostgresUnavailable("cannot connect to the database " + parsed + ": "
                    + PostgresUnavailable.reason(e, deadlines), e);
        }
    }

    /** On a connection of its own: a migration's statements may run for minutes, the stores' for seconds. */
    private static void migrate(DatabaseUrl url, Deadlines deadlines, Optional<String> targetVersion) {
        HikariDataSource migrator;
        try {
            migrator = ConnectionPools.openForMigrations(url, deadlines);
        } catch (RuntimeException e) {
            throw new PostgresUnavailable("cannot connect to the database " + url + ": "
                    + PostgresUnavailable.reason(e, deadlines), e);
        }
        try (migrator) {
            var result = Migrations.migrate(migrator, targetVersion);
            if (result.migrationsExecuted > 0) {
                LOG.info("Database {} migrated to schema version {}", url, result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw new PostgresUnavailable("cannot bring the schema of the database " + url + " up to date: "
                    + PostgresUnavailable.reason(e, deadlines.forMigrations()), e);
        }
    }

    /** The provider keys, sealed under {@code masterKey} (SHEEPDOG_MASTER_KEY) when one is given. */
    public PostgresKeyStore keyStore(Optional<String> masterKey) {
        return new PostgresKeyStore(transactions, masterKey);
    }

    /** Where the fleet's gateways tell each other of keys resting after a provider's 429. */
    public PostgresKeyRests keyRests() {
        return new PostgresKeyRests(transactions);
    }

    public PostgresRouteStore routeStore() {
        return new PostgresRouteStore(transactions);
    }

    public PostgresClientStore clientStore() {
        return new PostgresClientStore(transactions);
    }

    public PostgresUsageLedger usageLedger() {
        return new PostgresUsageLedger(transactions);
    }

    /**
     * The fleet's limit counters, on the database's clock. From the first call on this gateway says every
     * 5 s that it is alive, and gives back the stream slots of gateways unheard for 30 s.
     */
    public PostgresLimitCounters limitCounters() {
        return limitCounters(HEARTBEAT, DEAD_AFTER);
    }

    /** Limit counters with a test's heartbeat timing. */
    PostgresLimitCounters limitCounters(Duration heartbeatEvery, Duration deadAfter) {
        startHeartbeat(heartbeatEvery, deadAfter);
        return new PostgresLimitCounters(transactions, Optional.empty(), instance.value(), slotReturns);
    }

    /** Limit counters on a test's clock instead of the database's. */
    PostgresLimitCounters limitCounters(Clock clock) {
        startHeartbeat(HEARTBEAT, DEAD_AFTER);
        return new PostgresLimitCounters(transactions, Optional.of(clock), instance.value(), slotReturns);
    }

    /** The heartbeat's one beat, now: how tests see dead gateways' slots freed without waiting for it. */
    int beatNow() {
        return heartbeat.beat();
    }

    private synchronized void startHeartbeat(Duration every, Duration deadAfter) {
        if (heartbeat == null) {
            heartbeat = new SlotHeartbeat(transactions, instance.value(), every, deadAfter, slotReturns);
        }
    }

    /** How many stream slots this gateway could not give back while the database was away, and still owes. */
    public int streamSlotsOwed() {
        return slotReturns.owedCount();
    }

    /** {@code postgresql://user@host:port/database}: where the stores are, for logs, never with the password. */
    @Override
    public String toString() {
        return transactions.target();
    }

    /**
     * News of what other gateways change in the keys and the route state, heard on a connection of its
     * own from the first subscriber on, with every topic told again every 5 s as a safety net; while
     * that connection cannot be made, {@code readiness} is degraded with "database unreachable".
     */
    public PostgresStoreChanges storeChanges(Readiness readiness) {
        return storeChanges(RESYNC, RETRY, readiness);
    }

    PostgresStoreChanges storeChanges(Duration resync, Duration retry, Readiness readiness) {
        return new PostgresStoreChanges(url, deadlines, resync, retry, readiness);
    }

    /** Where each gateway reports its canary windows; a report older than {@code staleAfter} is left out. */
    public PostgresFleetStatistics fleetStatistics(Duration staleAfter) {
        return new PostgresFleetStatistics(transactions, staleAfter);
    }

    /** The fleet's canary judge election, on a connection of its own from its first call on; close it to step down. */
    public PostgresJudgeElection judgeElection() {
        return new PostgresJudgeElection(url, deadlines);
    }

    /** Closes every connection; later calls on any store throw. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (this) {
                if (heartbeat != null) {
                    heartbeat.close();
                }
            }
            pool.close();
        }
    }
}
