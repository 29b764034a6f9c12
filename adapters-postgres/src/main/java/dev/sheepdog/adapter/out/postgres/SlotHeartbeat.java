package dev.sheepdog.adapter.out.postgres;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Says every {@code every} that this gateway is alive, and with the same statement gives back the stream
 * slots of gateways that have not said so for {@code deadAfter}: a gateway killed with streams open would
 * otherwise hold their slots for good. Every gateway does it; freeing is idempotent, so it does not matter
 * which one gets there first. After a beat that worked it gives back the slots this gateway owes since an outage.
 */
final class SlotHeartbeat implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("sheepdog.limits");

    private final Transactions transactions;
    private final String instance;
    private final Duration deadAfter;
    private final SlotReturns returns;
    // The constructor's first beat, then the timer's thread, which the scheduling orders after it.
    private boolean failing;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("sheepdog-slot-heartbeat").daemon().unstarted(task));

    /** @param returns the slots this gateway owes the fleet since an outage, given back after a beat that worked */
    SlotHeartbeat(Transactions transactions, String instance, Duration every, Duration deadAfter, SlotReturns returns) {
        if (deadAfter.compareTo(every.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("a gateway must miss at least two heartbeats to count as dead");
        }
        this.transactions = transactions;
        this.instance = instance;
        this.deadAfter = deadAfter;
        this.returns = returns;
        beatQuietly(); // before the first slot is taken, so no one takes this gateway for dead
        timer.scheduleWithFixedDelay(this::beatQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Beats once, and frees the dead gateways' slots; how many accounts got slots back. */
    int beat() {
        double dead = deadAfter.toMillis() / 1_000.0;
        List<String> accounts = transactions.single("tell the fleet that " + instance + " is alive", connection -> {
            try (PreparedStatement beat = transactions.prepare(connection, SlotStatements.BEAT)) {
                beat.setString(1, instance);
                beat.setString(2, instance);
                beat.setString(3, instance);
                beat.setDouble(4, dead);
                List<String> found = new ArrayList<>();
                try (ResultSet rows = beat.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            }
        });
        if (accounts.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction("give back the stream slots of dead gateways", connection -> {
            Array names = connection.createArrayOf("text", accounts.toArray());
            try (PreparedStatement lock = transactions.prepare(connection, SlotStatements.LOCK_COUNTS);
                 PreparedStatement free = transactions.prepare(connection, SlotStatements.FREE_THE_DEAD);
                 PreparedStatement forget = transactions.prepare(connection, SlotStatements.FORGET_THE_DEAD)) {
                lock.setArray(1, names);
                lock.executeQuery().close();
                free.setArray(1, names);
                free.setDouble(2, dead);
                int freed = 0;
                try (ResultSet rows = free.executeQuery()) {
                    while (rows.next()) {
                        freed++;
                    }
                }
                forget.setDouble(1, dead);
                forget.executeUpdate();
                return freed;
            }
        });
    }

    private void beatQuietly() {
        try {
            int accounts = beat();
            returns.settleAll();
            if (failing) {
                failing = false;
                LOG.log(INFO, "the fleet hears this gateway's heartbeat again");
            }
            if (accounts > 0) {
                LOG.log(INFO, "gave back the stream slots of gateways not seen for {0} s, for {1} accounts",
                        deadAfter.toSeconds(), accounts);
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true; // once per outage: the store-change listener says the database is away too
                LOG.log(WARNING, "could not tell the fleet this gateway is alive: {0}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
