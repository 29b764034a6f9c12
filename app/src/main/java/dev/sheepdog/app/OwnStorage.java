package dev.sheepdog.app;

import dev.sheepdog.adapter.out.callerstore.CallerDatabase;
import dev.sheepdog.adapter.out.keystore.FileKeyStore;
import dev.sheepdog.adapter.out.limits.Bucket4jLimitCounters;
import dev.sheepdog.adapter.out.routestore.FileRouteStore;
import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.FleetStatistics;
import dev.sheepdog.domain.port.out.JudgeElection;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.domain.port.out.StoreChanges;
import dev.sheepdog.domain.port.out.UsageLedger;
import dev.sheepdog.domain.service.LocalFleetStatistics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** One gateway's own stores in its data directory: key and route files, an embedded H2 database, limits in memory. */
final class OwnStorage implements Storage {

    private final Path directory;
    private final FileKeyStore keys;
    private final FileRouteStore routes;
    private final CallerDatabase callers;
    private final LimitCounters limits;
    private final FleetStatistics statistics = new LocalFleetStatistics();

    private OwnStorage(Path directory, FileKeyStore keys, FileRouteStore routes, CallerDatabase callers,
                       LimitCounters limits) {
        this.directory = directory;
        this.keys = keys;
        this.routes = routes;
        this.callers = callers;
        this.limits = limits;
    }

    /** Opens the stores in {@code directory}; the key store's lock keeps a second gateway out of it. */
    static OwnStorage open(Path directory, Optional<String> masterKey, Clock clock) {
        FileKeyStore keys = new FileKeyStore(directory, masterKey);
        try {
            return new OwnStorage(directory, keys, new FileRouteStore(directory), CallerDatabase.open(directory),
                    new Bucket4jLimitCounters(clock));
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
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
        return callers.clientStore();
    }

    @Override
    public UsageLedger usage() {
        return callers.usageLedger();
    }

    @Override
    public LimitCounters limits() {
        return limits;
    }

    @Override
    public StoreChanges changes() {
        return StoreChanges.NONE;
    }

    @Override
    public FleetStatistics statistics() {
        return statistics;
    }

    @Override
    public JudgeElection judge() {
        return JudgeElection.ALONE;
    }

    @Override
    public String describe() {
        return "the data directory " + directory.toAbsolutePath();
    }

    @Override
    public void close() {
        try {
            keys.close();
        } finally {
            callers.close();
        }
    }
}
