package dev.sheepdog.app;

import dev.sheepdog.domain.port.out.ClientStore;
import dev.sheepdog.domain.port.out.FleetStatistics;
import dev.sheepdog.domain.port.out.JudgeElection;
import dev.sheepdog.domain.port.out.KeyRests;
import dev.sheepdog.domain.port.out.KeyStore;
import dev.sheepdog.domain.port.out.LimitCounters;
import dev.sheepdog.domain.port.out.RouteStore;
import dev.sheepdog.domain.port.out.StoreChanges;
import dev.sheepdog.domain.port.out.UsageLedger;
import dev.sheepdog.domain.service.UnsharedKeyRests;

/**
 * Where the gateway keeps what it must not forget: its own files in the data directory (one
 * gateway, the default) or a PostgreSQL database that a fleet of gateways shares. Opened once at
 * start; closed after the HTTP server has stopped, writing what is still queued.
 */
interface Storage extends AutoCloseable {

    KeyStore keys();

    RouteStore routes();

    ClientStore clients();

    UsageLedger usage();

    LimitCounters limits();

    /** Where gateways tell each other of keys resting after a 429; nobody to tell for a gateway's own stores. */
    default KeyRests rests() {
        return UnsharedKeyRests.INSTANCE;
    }

    /** News of changes other gateways made; none for a gateway's own stores. */
    StoreChanges changes();

    /** Where the canary controller reports its windows, and the judge reads the fleet's. */
    FleetStatistics statistics();

    /** Whether this gateway judges the canary: always when alone, one gateway at a time in a fleet. */
    JudgeElection judge();

    /** How many usage records wait for the ledger to take them (only a shared database's can go away). */
    default int usageWaiting() {
        return 0;
    }

    /** How many usage records were lost because too many were waiting. */
    default long usageLost() {
        return 0;
    }

    /** How many limit decisions were taken on this gateway's own counters because the shared ones could not answer. */
    default long limitsDegraded() {
        return 0;
    }

    /** How many stream slots this gateway could not give back to the shared counters yet, and still owes. */
    default int streamSlotsOwed() {
        return 0;
    }

    /** How many budget checks used an estimate because the shared ledger could not say what was spent. */
    default long budgetsEstimated() {
        return 0;
    }

    /** For the start-up log: where the stores are, without any secret. */
    String describe();

    @Override
    void close();
}
