package dev.sheepdog.app;

import dagger.Module;
import dagger.Provides;
import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.InstanceId;
import dev.sheepdog.domain.model.health.Readiness;
import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.domain.port.out.StoreChanges;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.time.Clock;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The stores, all from one place: the data directory's, or with a database URL, the fleet's shared database. */
@Module
final class StorageModule {

    private static final Logger LOG = LoggerFactory.getLogger("sheepdog");

    private StorageModule() {
    }

    /** This gateway process, as it signs what it tells a fleet: canary windows, heartbeats, stream slots. */
    @Provides
    @Singleton
    static InstanceId instance() {
        return InstanceId.random();
    }

    @Provides
    @Singleton
    static Storage storage(GatewayConfig config, Clock clock, Readiness readiness, CanaryPolicy canary,
                           InstanceId instance) {
        Storage storage = config.databaseUrl()
                .<Storage>map(url -> SharedStorage.open(url, instance, config.masterKey(), readiness, clock,
                        canary.interval()))
                .orElseGet(() -> OwnStorage.open(config.dataDir(), config.masterKey(), clock));
        LOG.info("stores: {}", storage.describe());
        return storage;
    }

    @Provides
    static KeyStore keyStore(Storage storage) {
        return storage.keys();
    }

    @Provides
    static RouteStore routeStore(Storage storage) {
        return storage.routes();
    }

    @Provides
    static ClientStore clientStore(Storage storage) {
        return storage.clients();
    }

    @Provides
    static UsageLedger usageLedger(Storage storage) {
        return storage.usage();
    }

    @Provides
    static LimitCounters limitCounters(Storage storage) {
        return storage.limits();
    }

    @Provides
    static StoreChanges storeChanges(Storage storage) {
        return storage.changes();
    }
}
