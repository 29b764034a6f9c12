package dev.sheepdog.adapter.out.postgres;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives back the stream slots this gateway holds in the fleet's counters, and remembers each one it could
 * not give back (the database away, a statement past its deadline) to give it back once the database
 * answers: otherwise a stream that ended during an outage would hold its slot for as long as the gateway
 * lives, and an account at its limit would be refused streams for good. What is owed is given back by the
 * heartbeat, and before any new stream of the same account is opened.
 */
final class SlotReturns {

    private static final System.Logger LOG = System.getLogger("sheepdog.limits");

    private final Transactions transactions;
    private final String holder;
    private final Map<String, Integer> owed = new ConcurrentHashMap<>();
    // Said once when this gateway starts owing, and once when it owes nothing again: not once per slot.
    private final AtomicBoolean owing = new AtomicBoolean();

    /** @param holder this gateway, in whose name its slots are held */
    SlotReturns(Transactions transactions, String holder) {
        this.transactions = transactions;
        this.holder = holder;
    }

    /** Gives back one slot of the account now, or owes it when the database cannot take it. */
    void giveBack(String account) {
        try {
            close(account);
        } catch (RuntimeException e) {
            owe(account, e);
        }
    }

    /**
     * Gives back what is owed of the account; false, with what still fails still owed, when the database
     * cannot take it.
     */
    boolean settle(String account) {
        while (claimOne(account)) {
            try {
                close(account);
            } catch (RuntimeException e) {
                owe(account, e);
                return false;
            }
        }
        if (owed.isEmpty() && owing.compareAndSet(true, false)) {
            LOG.log(INFO, "gave back every stream slot owed to the fleet''s counters since the database was away");
        }
        return true;
    }

    /** Gives back everything owed, stopping at the first failure. */
    void settleAll() {
        for (String account : List.copyOf(owed.keySet())) {
            if (!settle(account)) {
                return;
            }
        }
    }

    /** How many slots this gateway owes the fleet's counters now. */
    int owedCount() {
        return owed.values().stream().mapToInt(Integer::intValue).sum();
    }

    private void close(String account) {
        transactions.single("close a stream of " + account, connection -> {
            try (PreparedStatement close = transactions.prepare(connection, SlotStatements.CLOSE)) {
                close.setString(1, account);
                close.setString(2, account);
                close.setString(3, holder);
                close.setString(4, holder);
                return close.executeUpdate();
            }
        });
    }

    /** Takes one owed slot of the account to give back, so that no two threads give back the same one. */
    private boolean claimOne(String account) {
        boolean[] claimed = {false};
        owed.computeIfPresent(account, (name, count) -> {
            claimed[0] = true;
            return count > 1 ? count - 1 : null;
        });
        return claimed[0];
    }

    private void owe(String account, RuntimeException why) {
        owed.merge(account, 1, Integer::sum);
        if (owing.compareAndSet(false, true)) {
            LOG.log(WARNING, "could not give back a stream slot of {0} to the fleet''s counters ({1}); this gateway "
                    + "gives back every such slot once the database answers again", account, why.getMessage());
        }
    }
}
