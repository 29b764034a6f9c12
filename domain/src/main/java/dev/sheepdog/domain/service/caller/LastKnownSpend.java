package dev.sheepdog.domain.service.caller;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * A fleet's ledger as one gateway reads spend from it through an outage of the shared database, so
 * budgets go on being enforced instead of every budgeted caller being refused. While the ledger
 * cannot say what an account spent, the answer is what it last said, plus what this gateway recorded
 * for the account since then multiplied by the fleet's size as last seen: each gateway assumes the
 * others serve the account as much as it does, so together they stop near the budget, as the limits'
 * per-gateway shares do. Said loudly once per outage; every estimate is counted. The ledger is asked
 * at every check: its adapter is the one to fail fast while its database is known to be away.
 */
public final class LastKnownSpend implements UsageLedger {

    private static final System.Logger LOG = System.getLogger("sheepdog.budgets");

    /** Past this many accounts the oldest knowledge is dropped: an estimate then starts from zero. */
    static final int MAX_ACCOUNTS = 100_000;

    private final UsageLedger ledger;
    private final IntSupplier fleetSize;
    private final Map<String, Map<Instant, Known>> accounts = new ConcurrentHashMap<>();
    private final AtomicBoolean degraded = new AtomicBoolean();
    private final AtomicLong estimates = new AtomicLong();

    /** @param fleetSize how many gateways share the ledger, as last seen; at least 1 */
    public LastKnownSpend(UsageLedger ledger, IntSupplier fleetSize) {
        this.ledger = requireNonNull(ledger, "ledger");
        this.fleetSize = requireNonNull(fleetSize, "fleetSize");
    }

    @Override
    public void record(UsageRecord record) {
        ledger.record(record);
        record.costUsd().filter(cost -> cost.signum() != 0).ifPresent(cost -> {
            Map<Instant, Known> known = accounts.get(record.account());
            if (known != null) {
                known.replaceAll((from, spend) -> record.at().isBefore(from) ? spend : spend.plus(cost));
            }
        });
    }

    @Override
    public BigDecimal spentSince(String account, Instant from) {
        try {
            BigDecimal spent = ledger.spentSince(account, from);
            knownOf(account).put(from, new Known(spent, BigDecimal.ZERO));
            if (degraded.compareAndSet(true, false)) {
                LOG.log(INFO, "BUDGETS RESTORED: what accounts spent is read from the shared ledger again");
            }
            return spent;
        } catch (RuntimeException e) {
            if (degraded.compareAndSet(false, true)) {
                LOG.log(WARNING, "BUDGETS DEGRADED: the shared ledger cannot say what accounts spent ({0}); "
                        + "each budget goes on from its last known spend, counting this gateway''s own costs "
                        + "{1} times over", e.getMessage(), fleetSize());
            }
        }
        estimates.incrementAndGet();
        return knownOf(account).computeIfAbsent(from, unknown -> Known.NOTHING).estimate(fleetSize());
    }

    @Override
    public List<UsageLine> summarize(UsageQuery query) {
        return ledger.summarize(query);
    }

    @Override
    public boolean sharedWithOtherGateways() {
        return ledger.sharedWithOtherGateways();
    }

    /** How many times a budget was checked against an estimate because the ledger could not say. */
    public long estimatedChecks() {
        return estimates.get();
    }

    private Map<Instant, Known> knownOf(String account) {
        if (accounts.size() >= MAX_ACCOUNTS && !accounts.containsKey(account)) {
            accounts.clear();
        }
        return accounts.computeIfAbsent(account, name -> new ConcurrentHashMap<>());
    }

    private int fleetSize() {
        return Math.max(1, fleetSize.getAsInt());
    }

    /** What the ledger last said an account spent since some time, and what this gateway recorded since. */
    private record Known(BigDecimal read, BigDecimal recordedHere) {

        static final Known NOTHING = new Known(BigDecimal.ZERO, BigDecimal.ZERO);

        Known plus(BigDecimal cost) {
            return new Known(read, recordedHere.add(cost));
        }

        BigDecimal estimate(int gateways) {
            return read.add(recordedHere.multiply(BigDecimal.valueOf(gateways)));
        }
    }
}
